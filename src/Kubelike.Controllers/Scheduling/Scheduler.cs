using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Scheduling;

using Node = Kubelike.Api.Core.V1.Node;

/// <summary>
/// Binds pending pods to nodes, as kube-scheduler does: one pod at a time from <see cref="PendingPods"/>, filtered
/// against every node (<see cref="Filters"/>), the feasible ones scored (<see cref="Scores"/>), the best one assumed in
/// <see cref="SchedulerCache"/> at once, and the binding posted in the background (<c>pods/NAME/binding</c>) so the
/// next pod does not wait for it. A pod no node fits gets PodScheduled=False (Unschedulable) and a FailedScheduling
/// event, and waits until nodes or pods change. Pods and nodes come from shared informers; it talks to the API only
/// through <see cref="KubernetesClient"/>, so it runs in the server or on its own.
/// </summary>
public sealed class Scheduler : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly KubernetesClient _client;
    private readonly SchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly SharedInformer<Pod> _pods;
    private readonly SchedulingEvents _events;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, (string Message, DateTimeOffset At)> _lastFailure = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _scheduled;

    public Scheduler(KubernetesClient client, SharedInformerFactory informers, ILogger<Scheduler> logger, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(informers);
        _client = client;
        _options = options ?? new SchedulerOptions();
        _logger = logger;
        _time = client.Time;
        Queue = new PendingPods(_time);
        _slots = new SemaphoreSlim(_options.MaxConcurrentBindings);
        _events = new SchedulingEvents(client, _options.SchedulerName, logger);
        _pods = informers.GetInformer<Pod>();
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => OnPodAdded(pod),
            Updated = OnPodUpdated,
            Deleted = (pod, _) => OnPodDeleted(pod),
        });
        informers.GetInformer<Node>().AddEventHandler(new ResourceEventHandler<Node>
        {
            Added = (node, _) =>
            {
                Cache.UpsertNode(node);
                Queue.MoveAllUnschedulable();
            },
            Updated = (old, node) =>
            {
                Cache.UpsertNode(node);
                if (MayMakePodsFit(old, node))
                    Queue.MoveAllUnschedulable();
            },
            Deleted = (node, _) => Cache.RemoveNode(node.Metadata?.Name ?? ""),
        });
    }

    public SchedulerCache Cache { get; } = new();

    public PendingPods Queue { get; }

    /// <summary>Pods bound so far by this scheduler.</summary>
    public long ScheduledCount => Interlocked.Read(ref _scheduled);

    /// <summary>Schedules until cancelled; run it after the informers have synced.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(Queue.ShutDown);
        var flusher = Task.Run(() => FlushLoopAsync(cancellationToken), CancellationToken.None);
        _logger.LogInformation("scheduler {Name} started with {Nodes} nodes", _options.SchedulerName, Cache.NodeCount);
        try
        {
            while (await Queue.PopAsync(CancellationToken.None) is { } key)
            {
                try
                {
                    await ScheduleOneAsync(key, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // A bug must not stop the scheduler: log it and try the pod again later.
                    _logger.LogError(e, "{Pod}: scheduling failed", key);
                    Queue.Retry(key);
                }
            }
        }
        finally
        {
            await flusher;
            // Let bindings under way finish (or fail) before the client goes away.
            for (var i = 0; i < _options.MaxConcurrentBindings; i++)
                await _slots.WaitAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Queue.Dispose();
        _slots.Dispose();
        _events.Dispose();
    }

    /// <summary>Whether the pod is this scheduler's to place now.</summary>
    public bool IsPending(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        return string.IsNullOrEmpty(spec?.NodeName)
            && pod.Metadata?.DeletionTimestamp is null
            && pod.Status?.Phase is not ("Succeeded" or "Failed")
            && (string.IsNullOrEmpty(spec?.SchedulerName) || spec.SchedulerName == _options.SchedulerName)
            && spec?.SchedulingGates is not { Count: > 0 };
    }

    private static string Key(Pod pod) => $"{pod.Metadata?.Namespace}/{pod.Metadata?.Name}";

    private void OnPodAdded(Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            Cache.UpsertPod(pod);
        else if (IsPending(pod))
            Queue.Add(Key(pod));
    }

    private void OnPodUpdated(Pod old, Pod pod)
    {
        var key = Key(pod);
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
        {
            Cache.UpsertPod(pod);
            Queue.Remove(key);
            ForgetFailure(pod);
            // A pod that finished frees its resources.
            if (pod.Status?.Phase is "Succeeded" or "Failed" && old.Status?.Phase is not ("Succeeded" or "Failed"))
                Queue.MoveAllUnschedulable();
            return;
        }

        if (!IsPending(pod))
        {
            Queue.Remove(key);
            return;
        }

        // Our own status writes must not bring an unschedulable pod straight back: only a change of what it asks for.
        if (!IsPending(old) || old.Metadata?.Generation != pod.Metadata?.Generation || !SameLabels(old.Metadata?.Labels, pod.Metadata?.Labels))
            Queue.Add(key);
    }

    private void OnPodDeleted(Pod pod)
    {
        Cache.RemovePod(pod);
        Queue.Remove(Key(pod));
        ForgetFailure(pod);
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            Queue.MoveAllUnschedulable();
    }

    private void ForgetFailure(Pod pod)
    {
        if (pod.Metadata?.Uid is not { } uid)
            return;
        lock (_lastFailure)
            _lastFailure.Remove(uid);
    }

    private static bool SameLabels(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(l => b!.TryGetValue(l.Key, out var v) && v == l.Value));

    /// <summary>A node change that can turn an unschedulable pod schedulable (not a heartbeat).</summary>
    private static bool MayMakePodsFit(Node old, Node node) =>
        !SameLabels(old.Metadata?.Labels, node.Metadata?.Labels)
        || old.Spec?.Unschedulable != node.Spec?.Unschedulable
        || Ready(old) != Ready(node)
        || KubernetesJson.Serialize(old.Spec?.Taints) != KubernetesJson.Serialize(node.Spec?.Taints)
        || KubernetesJson.Serialize(old.Status?.Allocatable) != KubernetesJson.Serialize(node.Status?.Allocatable);

    private static string? Ready(Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(FlushInterval, _time, cancellationToken);
                Queue.Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ScheduleOneAsync(string key, CancellationToken cancellationToken)
    {
        var pod = _pods.Cache.Get(key);
        if (pod is null || !IsPending(pod) || Cache.IsAssumedOrBound(pod.Metadata?.Uid ?? ""))
        {
            Queue.Done(key);
            return;
        }

        var cycle = Queue.MoveCycle;
        var info = PodInfo.Of(pod);
        var (node, failure) = SelectNode(info);
        if (node is null)
        {
            Queue.Unschedulable(key, cycle);
            await _slots.WaitAsync(cancellationToken);
            _ = Task.Run(() => ReportUnschedulableAsync(pod, failure!, cancellationToken), CancellationToken.None);
            return;
        }

        Cache.Assume(info, node);
        Queue.Done(key);
        await _slots.WaitAsync(cancellationToken);
        _ = Task.Run(() => BindAsync(info, node, cancellationToken), CancellationToken.None);
    }

    /// <summary>The best feasible node, or why there is none.</summary>
    public (string? Node, FitFailure? Failure) SelectNode(PodInfo pod) => NodeSelection.Select(Cache, pod);

    private async Task BindAsync(PodInfo info, string node, CancellationToken cancellationToken)
    {
        var pod = info.Pod;
        var ns = pod.Metadata!.Namespace!;
        var name = pod.Metadata.Name!;
        try
        {
            await _client.Resource<Pod>().CreateSubresourceAsync(name, "binding", new Binding
            {
                ApiVersion = "v1",
                Kind = "Binding",
                Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = pod.Metadata.Uid },
                Target = new ObjectReference { Kind = "Node", Name = node },
            }, ns, cancellationToken: cancellationToken);
            Interlocked.Increment(ref _scheduled);
            _events.Normal(pod, "Scheduled", $"Successfully assigned {ns}/{name} to {node}");
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            // Bound by someone else, being deleted, or gone: the informer tells the rest.
            Cache.Forget(info);
            _logger.LogDebug("{Pod}: not bound to {Node}: {Reason}", info.Key, node, e.Message);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException or OperationCanceledException)
        {
            Cache.Forget(info);
            if (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("{Pod}: binding to {Node} failed: {Reason}; retrying", info.Key, node, e.Message);
                Queue.Retry(info.Key);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>PodScheduled=False with reason Unschedulable and the fit failure's message, and a FailedScheduling event.</summary>
    private async Task ReportUnschedulableAsync(Pod pod, FitFailure failure, CancellationToken cancellationToken)
    {
        try
        {
            var message = failure.Message;
            var now = _time.GetUtcNow();
            var uid = pod.Metadata?.Uid ?? Key(pod);
            bool record;
            lock (_lastFailure)
            {
                record = !_lastFailure.TryGetValue(uid, out var last) || last.Message != message || now - last.At >= _options.FailedEventInterval;
                if (record)
                    _lastFailure[uid] = (message, now);
            }

            if (record)
                _events.Warning(pod, "FailedScheduling", message);
            var current = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
            if (current is { Status: "False", Reason: "Unschedulable" } && current.Message == message)
                return;
            var condition = new JsonObject
            {
                ["type"] = "PodScheduled",
                ["status"] = "False",
                ["reason"] = "Unschedulable",
                ["message"] = message,
                ["lastProbeTime"] = null,
                ["lastTransitionTime"] = current?.Status == "False" && current.LastTransitionTime is { } since
                    ? KubernetesJson.SerializeToNode(since)
                    : KubernetesJson.SerializeToNode(new Time(now)),
            };
            var patch = new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(condition) } };
            await _client.Resource<Pod>().PatchAsync(pod.Metadata!.Name!, Patch.StrategicMerge(patch), pod.Metadata.Namespace, subresource: "status", cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException or OperationCanceledException)
        {
            _logger.LogDebug("{Pod}: could not report it unschedulable: {Reason}", Key(pod), e.Message);
        }
        finally
        {
            _slots.Release();
        }
    }
}
