namespace Kubelike.Benchmarks;

/// <summary>A full, unpaginated list over HTTP in one representation: request sent to body fully read.</summary>
internal sealed record ApiListMeasurement(string Kind, int Objects, string Format, int Runs, double MedianMs, double MinMs, double MaxMs, long ResponseBytes);
