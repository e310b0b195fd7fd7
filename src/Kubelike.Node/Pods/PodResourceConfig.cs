using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Node.Pods;

/// <summary>
/// The pod cgroup's settings by the kubelet's rules: cpu shares from the summed cpu requests (BestEffort: the minimum),
/// a cpu quota only when every container limits cpu, a memory limit only when every container limits memory. Init
/// containers run one at a time, so each resource is the larger of the app containers' sum and the biggest init container's.
/// </summary>
internal sealed record PodResourceConfig(long CpuShares, long? CpuQuota, long? MemoryLimit)
{
    public const long CpuPeriod = 100_000;
    private const long MinShares = 2;

    public static PodResourceConfig For(PodSpec spec, string qosClass)
    {
        if (qosClass == "BestEffort")
            return new PodResourceConfig(MinShares, null, null);
        var app = spec.Containers ?? [];
        var init = spec.InitContainers ?? [];
        var cpuRequest = Effective(app, init, c => Request(c, "cpu"));
        var cpuLimit = Effective(app, init, c => Limit(c, "cpu"));
        var memoryLimit = Effective(app, init, c => Limit(c, "memory"));
        var allLimitCpu = app.Concat(init).All(c => Limit(c, "cpu") is not null);
        var allLimitMemory = app.Concat(init).All(c => Limit(c, "memory") is not null);
        var shares = Math.Max(MinShares, (long)(cpuRequest * 1024));
        long? quota = allLimitCpu ? Math.Max(1000, (long)(cpuLimit * CpuPeriod)) : null;
        long? memory = allLimitMemory ? (long)memoryLimit : null;
        return new PodResourceConfig(shares, quota, memory);
    }

    private static decimal Effective(IEnumerable<Container> app, IEnumerable<Container> init, Func<Container, decimal?> value) =>
        Math.Max(app.Sum(c => value(c) ?? 0), init.Select(c => value(c) ?? 0).DefaultIfEmpty(0).Max());

    /// <summary>The request, or the limit when only that is given (the API defaults requests to limits).</summary>
    private static decimal? Request(Container container, string resource) =>
        Value(container.Resources?.Requests, resource) ?? Limit(container, resource);

    private static decimal? Limit(Container container, string resource) => Value(container.Resources?.Limits, resource);

    private static decimal? Value(IDictionary<string, Quantity>? values, string resource) =>
        values is not null && values.TryGetValue(resource, out var quantity) && quantity is not null ? quantity.ToDecimal() : null;
}
