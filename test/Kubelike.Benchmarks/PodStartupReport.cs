namespace Kubelike.Benchmarks;

/// <summary>
/// Pod startup latency on real containerd for one way of creating the pods: by upstream's definition (creationTimestamp,
/// which has one-second resolution, to all containers running as observed via watch) and, finer, from the client's
/// create call to the same watch event.
/// </summary>
internal sealed record PodStartupPhase(string Name, int Pods, LatencySummary Sli, LatencySummary FromCreateCall, int NotRunning, string LoadAverageBefore, string LoadAverageAfter);

internal sealed record PodStartupReport(IReadOnlyList<PodStartupPhase> Phases);
