namespace Kubelike.Benchmarks;

/// <summary>Single-object GET and PUT latency from one client while a background loop writes at a steady rate.</summary>
internal sealed record ApiChurnMeasurement(
    double ChurnTargetRate, double ChurnAchievedRate, long ChurnErrors, double Seconds, LatencySummary Get, LatencySummary Update, long Errors, string? FirstError);
