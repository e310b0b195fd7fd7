using System.Net;

namespace Kubelike.Node.Agent;

/// <summary>What a node agent is: its name, the runtime it drives, where it keeps pod logs.</summary>
public sealed record NodeAgentOptions
{
    /// <summary>The Node object's name (the host name unless given).</summary>
    public required string NodeName { get; init; }

    /// <summary>containerd's CRI unix socket.</summary>
    public required string RuntimeEndpoint { get; init; }

    /// <summary>The agent's own state; pod logs go to <c>pods-like/</c> below it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The cgroupfs parent pods go under (hack/containerd.sh's <c>--cgroup-root</c>).</summary>
    public string CgroupRoot { get; init; } = "kubelike";

    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan StatusReportInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each pod worker re-reads its containers from the runtime.</summary>
    public TimeSpan PodResyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the runtime is swept for sandboxes of pods that no longer exist (the kubelet's housekeeping).</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The hard eviction thresholds the node's pressure conditions are computed with.</summary>
    public Pressure.EvictionThresholds EvictionHard { get; init; } = new();

    public TimeSpan InitialRestartBackoff { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRestartBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the agent's HTTPS endpoint (logs for the API server) listens: all addresses by default, as the kubelet's.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    /// <summary>The endpoint's port (the kubelet's 10250 by default; 0 lets the system choose, for tests).</summary>
    public int ListenPort { get; init; } = 10250;

    /// <summary>
    /// How often ConfigMap, Secret, downward API and projected volumes of running pods are re-read and rewritten when
    /// their source changed (the kubelet's sync period plays this part upstream).
    /// </summary>
    public TimeSpan VolumeRefreshInterval { get; init; } = TimeSpan.FromSeconds(10);

    public string PodLogDirectory => Path.Combine(DataDirectory, "pods-like");

    /// <summary>Per-pod state, as the kubelet's <c>pods/UID/volumes/PLUGIN/NAME</c>.</summary>
    public string PodVolumeDirectory => Path.Combine(DataDirectory, "pods");
}
