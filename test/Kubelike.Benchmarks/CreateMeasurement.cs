namespace Kubelike.Benchmarks;

/// <summary>Create throughput at one concurrency: the store against single-row autocommit INSERTs.</summary>
internal sealed record CreateMeasurement(int Writers, ThroughputResult Store, ThroughputResult Raw)
{
    public double StoreToRawRatio => Raw.OpsPerSecond > 0 ? Store.OpsPerSecond / Raw.OpsPerSecond : double.NaN;
}
