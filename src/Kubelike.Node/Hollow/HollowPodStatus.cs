using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Node.Status;

namespace Kubelike.Node.Hollow;

/// <summary>The statuses a hollow node writes: what a kubelet reports for a running pod, and for one whose containers ended.</summary>
internal static class HollowPodStatus
{
    public static PodStatus Running(Pod pod, string hostIp, string podIp, DateTimeOffset now)
    {
        var spec = pod.Spec ?? new PodSpec();
        var ready = !NeverReady(pod) && ReadyDelay(pod) == TimeSpan.Zero;
        return new PodStatus
        {
            Phase = "Running",
            Conditions = Conditions(pod, ready, reason: ready ? null : "ContainersNotReady", now),
            HostIP = hostIp,
            HostIPs = [new HostIP { Ip = hostIp }],
            PodIP = podIp,
            PodIPs = [new PodIP { Ip = podIp }],
            StartTime = now,
            QosClass = PodStatusBuilder.QosClass(spec),
            InitContainerStatuses = spec.InitContainers is { Count: > 0 } inits
                ? [.. inits.Select(c => Status(pod, c, new ContainerState { Terminated = Ended(pod, c, 0, now) }, ready: c.RestartPolicy == "Always"))]
                : null,
            ContainerStatuses = [.. (spec.Containers ?? []).Select(c => Status(pod, c, new ContainerState { Running = new ContainerStateRunning { StartedAt = now } }, ready))],
        };
    }

    /// <summary>The status of a Running pod once its readiness delay has passed.</summary>
    public static PodStatus Ready(Pod pod, DateTimeOffset now)
    {
        var status = Api.KubernetesJson.Deserialize<PodStatus>(Api.KubernetesJson.Serialize(pod.Status ?? new PodStatus()))!;
        status.Conditions = Conditions(pod, ready: true, reason: null, now);
        foreach (var container in status.ContainerStatuses ?? [])
            container.Ready = true;
        return status;
    }

    /// <summary>Whether the pod says it never becomes Ready (<see cref="HollowNodeOptions.ReadyAnnotation"/> false).</summary>
    public static bool NeverReady(Pod pod) =>
        pod.Metadata?.Annotations?.TryGetValue(HollowNodeOptions.ReadyAnnotation, out var text) == true
        && string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);

    public static TimeSpan ReadyDelay(Pod pod) => Seconds(pod, HollowNodeOptions.ReadyAfterSecondsAnnotation);

    public static bool IsReady(Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    public static PodStatus Terminated(Pod pod, int exitCode, DateTimeOffset now)
    {
        var status = Api.KubernetesJson.Deserialize<PodStatus>(Api.KubernetesJson.Serialize(pod.Status ?? new PodStatus()))!;
        status.Phase = exitCode == 0 ? "Succeeded" : "Failed";
        status.Conditions = Conditions(pod, ready: false, reason: exitCode == 0 ? "PodCompleted" : "PodFailed", now);
        status.ContainerStatuses = [.. (pod.Spec?.Containers ?? []).Select(c => Status(pod, c, new ContainerState { Terminated = Ended(pod, c, exitCode, now) }, ready: false))];
        return status;
    }

    /// <summary>The exit code the pod is to end with, when it has one and its restart policy lets it end.</summary>
    public static int? ExitCode(Pod pod)
    {
        if (pod.Spec?.RestartPolicy is not ("Never" or "OnFailure"))
            return null;
        if (pod.Metadata?.Annotations?.TryGetValue(HollowNodeOptions.ExitCodeAnnotation, out var text) != true
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        // OnFailure would restart a failing container for ever: a hollow node lets it succeed or keep failing only under Never.
        return code;
    }

    public static TimeSpan RunTime(Pod pod) => Seconds(pod, HollowNodeOptions.RunSecondsAnnotation);

    private static TimeSpan Seconds(Pod pod, string annotation) =>
        pod.Metadata?.Annotations?.TryGetValue(annotation, out var text) == true
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;

    private static List<PodCondition> Conditions(Pod pod, bool ready, string? reason, DateTimeOffset now)
    {
        var scheduled = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled")
            ?? new PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = now };
        var value = ready ? "True" : "False";
        return
        [
            new PodCondition { Type = "PodReadyToStartContainers", Status = value, LastTransitionTime = now },
            new PodCondition { Type = "Initialized", Status = "True", LastTransitionTime = now },
            new PodCondition { Type = "Ready", Status = value, Reason = reason, LastTransitionTime = now },
            new PodCondition { Type = "ContainersReady", Status = value, Reason = reason, LastTransitionTime = now },
            scheduled,
        ];
    }

    private static ContainerStatus Status(Pod pod, Container container, ContainerState state, bool ready) => new()
    {
        Name = container.Name,
        Image = container.Image,
        ImageID = "",
        ContainerID = ContainerId(pod, container),
        Ready = ready,
        Started = state.Running is not null,
        RestartCount = 0,
        State = state,
    };

    private static ContainerStateTerminated Ended(Pod pod, Container container, int exitCode, DateTimeOffset now) => new()
    {
        ExitCode = exitCode,
        Reason = exitCode == 0 ? "Completed" : "Error",
        StartedAt = pod.Status?.StartTime ?? (Time)now,
        FinishedAt = now,
        ContainerID = ContainerId(pod, container),
    };

    private static string ContainerId(Pod pod, Container container) => $"hollow://{pod.Metadata?.Uid}/{container.Name}";
}
