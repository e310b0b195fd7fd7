using System.Security.Cryptography;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// The scheduler's events about pods (Scheduled, FailedScheduling), written in the background and best effort,
/// as upstream's recorder writes them: a failure is logged, never retried into the scheduling loop.
/// </summary>
public sealed class SchedulingEvents(KubernetesClient client, string component, ILogger logger) : IDisposable
{
    private const int MaxInFlight = 16;

    private readonly ResourceClient<Event> _events = client.Resource<Event>();
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly string _instance = $"{component}-{Environment.MachineName}";

    public void Dispose() => _inFlight.Dispose();

    public void Normal(Pod pod, string reason, string message) => Record(pod, "Normal", reason, message);

    public void Warning(Pod pod, string reason, string message) => Record(pod, "Warning", reason, message);

    private void Record(Pod pod, string type, string reason, string message)
    {
        var now = DateTimeOffset.UtcNow;
        var name = pod.Metadata?.Name ?? "";
        var e = new Event
        {
            Metadata = new ObjectMeta { Name = $"{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", Namespace = pod.Metadata?.Namespace },
            InvolvedObject = new ObjectReference
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Name = name,
                Namespace = pod.Metadata?.Namespace,
                Uid = pod.Metadata?.Uid,
                ResourceVersion = pod.Metadata?.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new EventSource { Component = component },
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
                logger.LogDebug("event {Reason} for {Pod}: {Error}", reason, name, ex.Message);
            }
            finally
            {
                try
                {
                    _inFlight.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The scheduler stopped meanwhile.
                }
            }
        });
    }
}
