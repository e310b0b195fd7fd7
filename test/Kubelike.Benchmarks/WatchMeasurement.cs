namespace Kubelike.Benchmarks;

/// <summary>
/// Delivery latency of one watch case. <see cref="AckToReceive"/> runs from CreateAsync returning to a watcher
/// receiving the event (clamped at 0; <see cref="ReceivedBeforeAck"/> counts the clamped ones);
/// <see cref="RequestToReceive"/> runs from just before CreateAsync was called.
/// </summary>
internal sealed record WatchMeasurement(
    int Watchers,
    string WatchServer,
    int Writes,
    int WriteErrors,
    int TargetRate,
    double AchievedRate,
    LatencySummary WriteLatency,
    LatencySummary AckToReceive,
    LatencySummary RequestToReceive,
    long Deliveries,
    long ReceivedBeforeAck,
    long Missed,
    int WatchersClosed,
    string? FirstWatchError);
