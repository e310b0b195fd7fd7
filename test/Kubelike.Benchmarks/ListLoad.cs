namespace Kubelike.Benchmarks;

/// <summary>How the objects a list scenario reads were loaded.</summary>
internal sealed record ListLoad(int Objects, int Concurrency, double Seconds, double ObjectsPerSecond);
