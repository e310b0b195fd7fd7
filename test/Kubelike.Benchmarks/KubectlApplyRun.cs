namespace Kubelike.Benchmarks;

/// <summary>One <c>kubectl apply -f DIR</c> run: how long it took and how kubectl reported the objects.</summary>
internal sealed record KubectlApplyRun(string Run, int Objects, double Seconds, int Created, int Configured, int Unchanged, int ExitCode, string? FirstError);
