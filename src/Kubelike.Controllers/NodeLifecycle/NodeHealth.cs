namespace Kubelike.Controllers.NodeLifecycle;

/// <summary>
/// What the controller last saw of a node's heartbeats, and when (by its own clock) it last saw one change: node
/// agents' clocks are not compared with ours, only whether their heartbeat moved, as upstream does.
/// </summary>
internal sealed record NodeHealth(DateTimeOffset ProbeTime, DateTimeOffset? LeaseRenewTime, DateTimeOffset? ReadyHeartbeat)
{
    public NodeHealth Observe(DateTimeOffset now, DateTimeOffset? leaseRenewTime, DateTimeOffset? readyHeartbeat) =>
        leaseRenewTime == LeaseRenewTime && readyHeartbeat == ReadyHeartbeat ? this : new NodeHealth(now, leaseRenewTime, readyHeartbeat);
}
