using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Node.Pods;
using CriContainerState = Kubelike.Node.Cri.V1.ContainerState;
using CriContainerStatus = Kubelike.Node.Cri.V1.ContainerStatus;

namespace Kubelike.Node.Status;

/// <summary>
/// A pod's status from what its worker knows: phase, the four conditions (transition times kept while a condition
/// holds), IPs, start time and one status per container, by the kubelet's rules.
/// </summary>
internal sealed class PodStatusBuilder
{
    private readonly Dictionary<string, (string Status, DateTimeOffset Since)> _transitions = [];

    public PodStatus Build(
        Pod pod,
        string restartPolicy,
        bool initialized,
        bool initFailed,
        string? podIp,
        string hostIp,
        DateTimeOffset startTime,
        IReadOnlyDictionary<string, ContainerRecord> records,
        IReadOnlyDictionary<string, CriContainerStatus?> initStatuses,
        IReadOnlyDictionary<string, CriContainerStatus?> appStatuses,
        DateTimeOffset now)
    {
        var spec = pod.Spec!;
        var initContainerStatuses = (spec.InitContainers ?? []).Select(c =>
            ContainerStatus(c, records.GetValueOrDefault(c.Name!), initStatuses.GetValueOrDefault(c.Name!), "PodInitializing", isInit: true)).ToList();
        var containerStatuses = (spec.Containers ?? []).Select(c =>
            ContainerStatus(c, records.GetValueOrDefault(c.Name!), appStatuses.GetValueOrDefault(c.Name!), initialized ? "ContainerCreating" : "PodInitializing", isInit: false)).ToList();

        var phase = Phase(restartPolicy, initialized, initFailed, appStatuses, spec.Containers?.Count ?? 0);
        var containersReady = initialized && containerStatuses.Count > 0 && containerStatuses.All(s => s.Ready == true);
        var hostNetwork = spec.HostNetwork == true;
        var ip = hostNetwork ? hostIp : podIp;
        return new PodStatus
        {
            Phase = phase,
            Conditions =
            [
                Condition("PodReadyToStartContainers", "True", now),
                Condition("Initialized", initialized ? "True" : "False", now, initialized ? null : "ContainersNotInitialized"),
                Condition("Ready", containersReady ? "True" : "False", now, containersReady ? null : "ContainersNotReady"),
                Condition("ContainersReady", containersReady ? "True" : "False", now, containersReady ? null : "ContainersNotReady"),
                Condition("PodScheduled", "True", now),
            ],
            HostIP = hostIp,
            HostIPs = [new HostIP { Ip = hostIp }],
            PodIP = ip,
            PodIPs = ip is null ? null : [new PodIP { Ip = ip }],
            StartTime = startTime,
            QosClass = QosClass(spec),
            InitContainerStatuses = initContainerStatuses.Count == 0 ? null : initContainerStatuses,
            ContainerStatuses = containerStatuses,
        };
    }

    /// <summary>Carries on from the conditions a previous agent wrote, so their transition times survive its restart.</summary>
    public void Resume(IEnumerable<PodCondition>? conditions)
    {
        foreach (var condition in conditions ?? [])
        {
            if (condition.Type is { } type && condition.Status is { } status && condition.LastTransitionTime is { } since)
                _transitions[type] = (status, since.Value);
        }
    }

    public static ContainerStateTerminated Terminated(CriContainerStatus status) => new()
    {
        ExitCode = status.ExitCode,
        Reason = string.IsNullOrEmpty(status.Reason) ? (status.ExitCode == 0 ? "Completed" : "Error") : status.Reason,
        Message = string.IsNullOrEmpty(status.Message) ? null : status.Message,
        StartedAt = FromNanos(status.StartedAt),
        FinishedAt = FromNanos(status.FinishedAt),
        ContainerID = "containerd://" + status.Id,
    };

    private static string Phase(string restartPolicy, bool initialized, bool initFailed, IReadOnlyDictionary<string, CriContainerStatus?> app, int containerCount)
    {
        if (initFailed)
            return "Failed";
        if (!initialized || app.Count < containerCount || app.Values.Any(s => s is null))
            return "Pending";
        var statuses = app.Values.Select(s => s!).ToList();
        if (statuses.Any(s => s.State is CriContainerState.ContainerRunning))
            return "Running";
        if (statuses.Any(s => s.State is CriContainerState.ContainerCreated or CriContainerState.ContainerUnknown))
            return "Pending";
        // Every container has exited: a restartable one keeps the pod Running.
        if (restartPolicy == "Always" || (restartPolicy == "OnFailure" && statuses.Any(s => s.ExitCode != 0)))
            return "Running";
        return statuses.All(s => s.ExitCode == 0) ? "Succeeded" : "Failed";
    }

    private static ContainerStatus ContainerStatus(Container container, ContainerRecord? record, CriContainerStatus? status, string defaultWaiting, bool isInit)
    {
        var result = new ContainerStatus
        {
            Name = container.Name,
            Image = container.Image,
            ImageID = "",
            RestartCount = record?.RestartCount ?? 0,
            Ready = false,
            Started = false,
            LastState = record?.LastTerminated is { } last ? new ContainerState { Terminated = last } : new ContainerState(),
        };
        if (status is null)
        {
            result.State = new ContainerState { Waiting = record?.Waiting ?? new ContainerStateWaiting { Reason = defaultWaiting } };
            return result;
        }

        result.ContainerID = "containerd://" + status.Id;
        result.ImageID = status.ImageRef;
        switch (status.State)
        {
            case CriContainerState.ContainerRunning:
                result.State = new ContainerState { Running = new ContainerStateRunning { StartedAt = FromNanos(status.StartedAt) } };
                // Probes decide once they exist; a container without them is ready as soon as it runs.
                result.Ready = !isInit && (record?.Probes?.Ready ?? true);
                result.Started = record?.Probes?.Started ?? true;
                break;
            case CriContainerState.ContainerExited when record?.Waiting is { Reason: "CrashLoopBackOff" } waiting:
                result.State = new ContainerState { Waiting = waiting };
                result.LastState = new ContainerState { Terminated = Terminated(status) };
                break;
            case CriContainerState.ContainerExited:
                result.State = new ContainerState { Terminated = Terminated(status) };
                result.Ready = isInit && status.ExitCode == 0;
                break;
            default:
                result.State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } };
                break;
        }

        return result;
    }

    private PodCondition Condition(string type, string status, DateTimeOffset now, string? reason = null)
    {
        if (!_transitions.TryGetValue(type, out var last) || last.Status != status)
            _transitions[type] = last = (status, now);
        return new PodCondition { Type = type, Status = status, LastTransitionTime = last.Since, Reason = reason };
    }

    /// <summary>The pod's QoS class by upstream's rules: only cpu and memory count, zero values are ignored, and a
    /// pod is Guaranteed when every container limits both and the summed requests equal the summed limits.</summary>
    internal static string QosClass(PodSpec spec)
    {
        var requests = new Dictionary<string, decimal>();
        var limits = new Dictionary<string, decimal>();
        var guaranteed = true;
        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers ?? []))
        {
            // Requests default to limits (the API's defaulting), whether or not the stored pod went through it.
            var effective = new Dictionary<string, Quantity>(container.Resources?.Limits ?? new Dictionary<string, Quantity>());
            foreach (var (name, quantity) in container.Resources?.Requests ?? new Dictionary<string, Quantity>())
                effective[name] = quantity;
            Add(requests, effective);
            var declared = Add(limits, container.Resources?.Limits);
            guaranteed &= declared.Contains("cpu") && declared.Contains("memory");
        }

        if (requests.Count == 0 && limits.Count == 0)
            return "BestEffort";
        guaranteed &= requests.Count == limits.Count && requests.All(r => limits.TryGetValue(r.Key, out var limit) && limit == r.Value);
        return guaranteed ? "Guaranteed" : "Burstable";

        static HashSet<string> Add(Dictionary<string, decimal> sums, IDictionary<string, Quantity>? values)
        {
            var seen = new HashSet<string>();
            foreach (var (name, quantity) in values ?? new Dictionary<string, Quantity>())
            {
                if (name is not ("cpu" or "memory") || quantity is null || quantity.ToDecimal() == 0)
                    continue;
                sums[name] = sums.GetValueOrDefault(name) + quantity.ToDecimal();
                seen.Add(name);
            }

            return seen;
        }
    }

    private static DateTimeOffset? FromNanos(long nanos) =>
        nanos <= 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(nanos / 1_000_000).ToUniversalTime();
}
