namespace Kubelike.Benchmarks;

/// <summary>Everything the apply scenario measured.</summary>
internal sealed record ApplyReport(string Server, string Kubectl, IReadOnlyList<KubectlApplyRun> KubectlRuns, IReadOnlyList<ApiOperationMeasurement> Operations);
