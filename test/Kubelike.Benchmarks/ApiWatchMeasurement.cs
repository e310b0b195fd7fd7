namespace Kubelike.Benchmarks;

/// <summary>
/// Watch fan-out over HTTP: paced creates while many watch streams are open; delivery latency is from the
/// create's response (ack) to the line arriving on a watch stream, over every watcher and event.
/// </summary>
internal sealed record ApiWatchMeasurement(
    int Watchers,
    int Connections,
    int Writes,
    double TargetRate,
    double AchievedRate,
    double OpenSeconds,
    LatencySummary WriteLatency,
    LatencySummary AckToReceive,
    LatencySummary RequestToReceive,
    long Deliveries,
    long Missed,
    long WriteErrors,
    long WatchErrors,
    string? FirstError);
