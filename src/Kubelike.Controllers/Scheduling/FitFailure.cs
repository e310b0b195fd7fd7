namespace Kubelike.Controllers.Scheduling;

/// <summary>Why no node fits a pod: how many nodes gave each reason, worded as upstream's FitError.</summary>
public sealed class FitFailure(int nodeCount, IReadOnlyDictionary<string, int> reasons)
{
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    public int NodeCount { get; } = nodeCount;

    public IReadOnlyDictionary<string, int> Reasons { get; } = reasons;

    /// <summary><c>0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.</c></summary>
    public string Message
    {
        get
        {
            if (NodeCount == 0)
                return NoNodesAvailable;
            var parts = Reasons.Select(r => $"{r.Value} {r.Key}").Order(StringComparer.Ordinal);
            return $"0/{NodeCount} nodes are available: {string.Join(", ", parts)}.";
        }
    }
}
