namespace Kubelike.Controllers.NodeLifecycle;

/// <summary>How long a node may stay silent, as kube-controller-manager's flags of the same names.</summary>
public sealed record NodeLifecycleOptions
{
    /// <summary>
    /// <c>--node-monitor-grace-period</c>: a node whose Lease and status have not been renewed for this long is marked
    /// Ready=Unknown and tainted unreachable. Must exceed the node agents' Lease renew interval (10 s).
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary><c>--node-startup-grace-period</c>: how long a registered node may take to post its first status.</summary>
    public TimeSpan StartupGracePeriod { get; init; } = TimeSpan.FromSeconds(60);
}
