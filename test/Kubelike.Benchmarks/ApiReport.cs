namespace Kubelike.Benchmarks;

/// <summary>Everything the API scenario measured against a running kubelike server.</summary>
internal sealed record ApiReport(
    string Server,
    IReadOnlyList<ApiOperationMeasurement> Operations,
    ApiListLoad? ListLoad,
    IReadOnlyList<ApiListMeasurement> Lists,
    ApiChurnMeasurement? Churn,
    ApiWatchMeasurement? Watch);
