using Kubelike.Api.Core.V1;
using Kubelike.Node.Probes;

namespace Kubelike.Node.Pods;

/// <summary>What a pod worker remembers about one container of its pod between syncs.</summary>
internal sealed class ContainerRecord(string name)
{
    public string Name { get; } = name;

    /// <summary>The runtime's id of the current instance; null before the first start or after a failed one.</summary>
    public string? ContainerId { get; set; }

    public int RestartCount { get; set; }

    /// <summary>Instances started so far (the log file of the next one is <c>name/Attempt.log</c>).</summary>
    public int Attempt { get; set; }

    /// <summary>Why the container is not running yet (ErrImagePull, ImagePullBackOff, CreateContainerConfigError ...).</summary>
    public ContainerStateWaiting? Waiting { get; set; }

    /// <summary>The last instance's end, shown as lastState after a restart.</summary>
    public ContainerStateTerminated? LastTerminated { get; set; }

    public RestartBackoff Backoff { get; } = new();

    /// <summary>The probes of the running instance (null while none runs or the container has no probes).</summary>
    public ContainerProbes? Probes { get; set; }
}
