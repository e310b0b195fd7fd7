using Kubelike.Api.Core.V1;
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

    internal static string QosClass(PodSpec spec)
    {
        var containers = (spec.InitContainers ?? []).Concat(spec.Containers ?? []).ToList();
        var any = containers.Any(c => c.Resources?.Requests?.Count > 0 || c.Resources?.Limits?.Count > 0);
        if (!any)
            return "BestEffort";
        var guaranteed = containers.All(c =>
            c.Resources?.Limits is { } limits && limits.ContainsKey("cpu") && limits.ContainsKey("memory")
            && (c.Resources.Requests is null || c.Resources.Requests.All(r => limits.TryGetValue(r.Key, out var l) && l == r.Value)));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static DateTimeOffset? FromNanos(long nanos) =>
        nanos <= 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(nanos / 1_000_000).ToUniversalTime();
}
