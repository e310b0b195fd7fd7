using System.Reflection;
using System.Security.Cryptography;
using Kubelike.Api;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;

namespace Kubelike.Client.Events;

/// <summary>
/// A component's core/v1 Events about the objects it acts on, written in the background and best effort, as
/// client-go's recorder writes them: a failure is logged, never retried into the caller's loop, and recording never
/// waits for the API. Events about cluster-scoped objects (nodes) go to the <c>default</c> namespace, as upstream's do.
/// <paramref name="host"/> is the node a node agent's events come from (source.host, and the reporting instance).
/// </summary>
public sealed class EventRecorder(KubernetesClient client, string component, ILogger logger, string? host = null) : IDisposable
{
    private const int MaxInFlight = 16;

    private readonly ResourceClient<Event> _events = client.Resource<Event>();
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly string _instance = host ?? $"{component}-{Environment.MachineName}";

    public void Dispose() => _inFlight.Dispose();

    public void Normal(IKubernetesObject obj, string reason, string message, string? fieldPath = null) => Record(obj, "Normal", reason, message, fieldPath);

    public void Warning(IKubernetesObject obj, string reason, string message, string? fieldPath = null) => Record(obj, "Warning", reason, message, fieldPath);

    /// <summary>An event of <paramref name="type"/> (Normal or Warning); <paramref name="fieldPath"/> names a part of the object, e.g. <c>spec.containers{app}</c>.</summary>
    public void Record(IKubernetesObject obj, string type, string reason, string message, string? fieldPath = null)
    {
        var kind = obj.GetType().GetCustomAttribute<KubernetesKindAttribute>()
            ?? throw new ArgumentException($"{obj.GetType().Name} is not a Kubernetes kind", nameof(obj));
        var now = DateTimeOffset.UtcNow;
        var name = obj.Metadata?.Name ?? "";
        var ns = string.IsNullOrEmpty(obj.Metadata?.Namespace) ? "default" : obj.Metadata.Namespace;
        var e = new Event
        {
            Metadata = new ObjectMeta { Name = $"{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", Namespace = ns },
            InvolvedObject = new ObjectReference
            {
                ApiVersion = kind.ApiVersion,
                Kind = kind.Kind,
                Name = name,
                Namespace = obj.Metadata?.Namespace,
                Uid = obj.Metadata?.Uid,
                ResourceVersion = obj.Metadata?.ResourceVersion,
                FieldPath = fieldPath,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new EventSource { Component = component, Host = host },
            ReportingComponent = component,
            ReportingInstance = _instance,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        _ = Task.Run(async () =>
        {
            try
            {
                await _inFlight.WaitAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                await _events.CreateAsync(e);
            }
            catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException or OperationCanceledException or IOException)
            {
                logger.LogDebug("event {Reason} for {Kind} {Name}: {Error}", reason, kind.Kind, name, ex.Message);
            }
            finally
            {
                try
                {
                    _inFlight.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The controller stopped meanwhile.
                }
            }
        });
    }
}
