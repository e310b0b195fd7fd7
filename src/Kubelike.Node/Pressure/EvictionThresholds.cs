namespace Kubelike.Node.Pressure;

/// <summary>
/// The node's hard eviction thresholds, by default the kubelet's on Linux (memory.available&lt;100Mi,
/// nodefs.available&lt;10%, no pid.available threshold); crossing one sets the matching pressure condition.
/// </summary>
public sealed record EvictionThresholds
{
    /// <summary>memory.available below this many bytes is MemoryPressure.</summary>
    public long MemoryAvailableBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>nodefs.available (the agent's data directory's filesystem) below this fraction is DiskPressure.</summary>
    public double NodeFsAvailableFraction { get; init; } = 0.10;

    /// <summary>pid.available below this many process ids is PIDPressure; none by default, as the kubelet's.</summary>
    public long? PidAvailable { get; init; }
}
