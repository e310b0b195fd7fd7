namespace Kubelike.Node.Pressure;

/// <summary>Which pressure conditions hold for a host sample under the thresholds.</summary>
public sealed record NodePressure(bool Memory, bool Disk, bool Pid)
{
    public static NodePressure Evaluate(HostUsage usage, EvictionThresholds thresholds) => new(
        usage.MemoryAvailableBytes < thresholds.MemoryAvailableBytes,
        usage.NodeFsCapacityBytes > 0 && usage.NodeFsAvailableBytes < usage.NodeFsCapacityBytes * thresholds.NodeFsAvailableFraction,
        thresholds.PidAvailable is { } pids && usage.PidAvailable < pids);
}
