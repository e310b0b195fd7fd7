namespace Kubelike.Client.LeaderElection;

/// <summary>
/// Who competes for which Lease, how fast, and what happens on winning and losing. The timings default to
/// upstream's (15 s lease, 10 s renew deadline, 2 s retry period).
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>The Lease's name (one Lease per group of competing processes).</summary>
    public required string LeaseName { get; init; }

    public string LeaseNamespace { get; init; } = "kube-system";

    /// <summary>This candidate's unique identity (e.g. host name + a random suffix), written as holderIdentity.</summary>
    public required string Identity { get; init; }

    /// <summary>How long others wait after the last renewal they saw before taking the Lease over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates try to acquire, and the leader to renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Give the Lease up (empty holder) when the elector is stopped while leading, so another takes over at once.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <summary>Runs while leading; its token is cancelled when leadership ends.</summary>
    public Func<CancellationToken, Task>? OnStartedLeading { get; init; }

    /// <summary>Called once leadership has ended (after the token of <see cref="OnStartedLeading"/> was cancelled).</summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Called when a different holder is observed (including this candidate).</summary>
    public Action<string>? OnNewLeader { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LeaseName);
        ArgumentException.ThrowIfNullOrEmpty(Identity);
        if (LeaseDuration <= RenewDeadline)
            throw new ArgumentException("LeaseDuration must be greater than RenewDeadline");
        if (RenewDeadline <= RetryPeriod * 1.2)
            throw new ArgumentException("RenewDeadline must be greater than RetryPeriod × 1.2");
        if (RetryPeriod <= TimeSpan.Zero)
            throw new ArgumentException("RetryPeriod must be positive");
    }
}
