namespace Kubelike.Benchmarks;

/// <summary>Everything one run measured; what --json writes.</summary>
internal sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    string Mode,
    double DurationSeconds,
    double WarmUpSeconds,
    MachineFacts Machine,
    IReadOnlyList<CreateMeasurement>? Create,
    IReadOnlyList<WatchMeasurement>? Watch,
    IReadOnlyList<ListLoad>? ListLoads,
    IReadOnlyList<ListMeasurement>? List,
    ApiReport? Api,
    ApplyReport? Apply,
    SchedulingReport? Scheduling,
    PodStartupReport? PodStartup,
    string LoadAverageAtEnd);
