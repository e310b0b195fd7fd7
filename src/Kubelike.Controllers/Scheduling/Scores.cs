using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// The scoring of feasible nodes, each part from 0 to 100 and weighted as upstream's default profile weighs its
/// plugins: taints the pod would rather avoid (3), preferred node affinity (2), spreading a controller's pods (2),
/// least allocated (1) and balanced allocation (1).
/// </summary>
public static class Scores
{
    public const int MaxScore = 100;

    private const int TaintWeight = 3;
    private const int AffinityWeight = 2;
    private const int SpreadWeight = 2;
    private const int LeastAllocatedWeight = 1;
    private const int BalancedWeight = 1;

    /// <summary>The total score of each node, in the order given.</summary>
    public static long[] Score(PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(nodes);
        var totals = new long[nodes.Count];
        var preferred = pod.Pod.Spec?.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution;
        var tolerations = pod.Pod.Spec?.Tolerations;
        var affinity = new long[nodes.Count];
        var taints = new long[nodes.Count];
        var spread = new long[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            totals[i] = (LeastAllocatedWeight * LeastAllocated(pod, node)) + (BalancedWeight * BalancedAllocation(pod, node));
            if (preferred is { Count: > 0 })
                affinity[i] = PreferredAffinity(preferred, node.Node!);
            taints[i] = IntolerablePreferNoSchedule(node.Node!, tolerations);
            spread[i] = node.SpreadCount(pod.SpreadKey);
        }

        Normalize(affinity, reverse: false);
        Normalize(taints, reverse: true);
        Normalize(spread, reverse: true);
        for (var i = 0; i < nodes.Count; i++)
            totals[i] += (AffinityWeight * affinity[i]) + (TaintWeight * taints[i]) + (SpreadWeight * spread[i]);
        return totals;
    }

    /// <summary>Free share of cpu and memory after placing the pod, 0-100 (upstream's LeastAllocated with default requests).</summary>
    public static long LeastAllocated(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var cpu = Free(node.NonZeroRequested.MilliCpu + pod.NonZeroRequests.MilliCpu, node.Allocatable.MilliCpu);
        var memory = Free(node.NonZeroRequested.Memory + pod.NonZeroRequests.Memory, node.Allocatable.Memory);
        return (cpu + memory) / 2;

        static long Free(long requested, long capacity) =>
            capacity <= 0 || requested > capacity ? 0 : (capacity - requested) * MaxScore / capacity;
    }

    /// <summary>How evenly cpu and memory would be used after placing the pod: 100 when the fractions are equal.</summary>
    public static long BalancedAllocation(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var cpu = Fraction(node.NonZeroRequested.MilliCpu + pod.NonZeroRequests.MilliCpu, node.Allocatable.MilliCpu);
        var memory = Fraction(node.NonZeroRequested.Memory + pod.NonZeroRequests.Memory, node.Allocatable.Memory);
        var deviation = Math.Abs(cpu - memory) / 2;
        return (long)((1 - deviation) * MaxScore);

        static double Fraction(long requested, long capacity) => capacity <= 0 ? 1 : Math.Min(1, (double)requested / capacity);
    }

    /// <summary>The sum of the weights of the preferred terms the node matches.</summary>
    public static long PreferredAffinity(IEnumerable<PreferredSchedulingTerm> terms, Node node)
    {
        ArgumentNullException.ThrowIfNull(terms);
        long sum = 0;
        foreach (var term in terms)
        {
            if (term.Weight is > 0 && term.Preference is { } preference && NodeSelectors.Matches(preference, node))
                sum += term.Weight.Value;
        }

        return sum;
    }

    public static long IntolerablePreferNoSchedule(Node node, IEnumerable<Toleration>? tolerations)
    {
        ArgumentNullException.ThrowIfNull(node);
        var relevant = tolerations?.Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == "PreferNoSchedule").ToList();
        return node.Spec?.Taints?.Count(t => t.Effect == "PreferNoSchedule" && !Taints.Tolerated(relevant, t)) ?? 0;
    }

    /// <summary>Scales raw values to 0-100 by the largest; reversed, the smallest raw value scores highest.</summary>
    public static void Normalize(long[] scores, bool reverse)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var max = scores.Length == 0 ? 0 : scores.Max();
        for (var i = 0; i < scores.Length; i++)
        {
            if (max == 0)
                scores[i] = reverse ? MaxScore : 0;
            else
                scores[i] = reverse ? MaxScore - (scores[i] * MaxScore / max) : scores[i] * MaxScore / max;
        }
    }
}
