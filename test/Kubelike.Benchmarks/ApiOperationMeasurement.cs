namespace Kubelike.Benchmarks;

/// <summary>
/// One API operation at one concurrency; for create, next to the store's own CreateAsync at the same concurrency.
/// </summary>
internal sealed record ApiOperationMeasurement(string Operation, int Clients, ThroughputResult Api, ThroughputResult? Store)
{
    public double ApiToStoreRatio => Store is { OpsPerSecond: > 0 } store ? Api.OpsPerSecond / store.OpsPerSecond : double.NaN;
}
