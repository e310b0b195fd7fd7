namespace Kubelike.Controllers.Scheduling;

/// <summary>How the scheduler runs.</summary>
public sealed record SchedulerOptions
{
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary>Pods whose spec.schedulerName is this (or empty) are this scheduler's.</summary>
    public string SchedulerName { get; init; } = DefaultSchedulerName;

    /// <summary>Bindings in flight at once; the scheduling loop does not wait for them.</summary>
    public int MaxConcurrentBindings { get; init; } = 64;

    /// <summary>At most one FailedScheduling event per pod in this time, unless its message changes.</summary>
    public TimeSpan FailedEventInterval { get; init; } = TimeSpan.FromSeconds(30);
}
