namespace Kubelike.Controllers.Hosting;

/// <summary>Lease duration, renew deadline and retry period of a leader-elected component; upstream's defaults are 15 s, 10 s and 2 s.</summary>
public sealed record LeaderElectionTimings(TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod)
{
    public static LeaderElectionTimings Default { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
}
