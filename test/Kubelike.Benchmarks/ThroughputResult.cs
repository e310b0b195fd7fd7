namespace Kubelike.Benchmarks;

/// <summary>One closed-loop measurement: operations completed in the window, their rate and latency.</summary>
internal sealed record ThroughputResult(long Operations, double Seconds, double OpsPerSecond, LatencySummary Latency, long Errors, string? FirstError);
