namespace Kubelike.Benchmarks;

/// <summary>What the scheduling scenario measured: hollow nodes, pods through Deployments, binding and start-up times.</summary>
internal sealed record SchedulingReport(
    int Nodes,
    int Deployments,
    int Pods,
    double NodesReadySeconds,
    double CreateToAllBoundSeconds,
    double BindWindowSeconds,
    double PodsBoundPerSecond,
    double PeakPodsBoundPerSecond,
    double CreateToAllRunningSeconds,
    LatencySummary CreateToBound,
    LatencySummary CreateToRunning,
    LatencySummary ProbeGet,
    LatencySummary ProbeUpdate,
    double ServerRssMiB,
    double ServerPeakRssMiB,
    string LoadAverageBefore,
    string LoadAverageAfter,
    int Unfinished,
    int DirectPods,
    double DirectCreatePerSecond,
    double DirectBoundPerSecond,
    double DirectBindWindowSeconds,
    double DecisionsPerSecond);
