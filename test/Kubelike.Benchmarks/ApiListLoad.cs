namespace Kubelike.Benchmarks;

/// <summary>How fast the API scenario's objects for the large list went in through POSTs.</summary>
internal sealed record ApiListLoad(string Kind, int Objects, int Concurrency, double Seconds, double ObjectsPerSecond, long Errors, string? FirstError);
