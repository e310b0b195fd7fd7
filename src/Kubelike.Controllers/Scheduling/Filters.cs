using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// The feasibility checks, in upstream's plugin order (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
/// NodeResourcesFit). The first check a node fails gives the reasons it is not feasible, worded as upstream's, so
/// that the Unschedulable message reads the same.
/// </summary>
public static class Filters
{
    public const string Unschedulable = "node(s) were unschedulable";
    public const string AffinityMismatch = "node(s) didn't match Pod's node affinity/selector";
    public const string PortsInUse = "node(s) didn't have free ports for the requested pod ports";
    public const string TooManyPods = "Too many pods";

    /// <summary>Why <paramref name="pod"/> cannot go to <paramref name="node"/>: empty when it can.</summary>
    public static IReadOnlyList<string> Check(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var n = node.Node ?? throw new ArgumentException("the node has no Node object", nameof(node));
        var tolerations = pod.Pod.Spec?.Tolerations;
        if (UnschedulableReason(n, tolerations) is { } unschedulable)
            return [unschedulable];
        if (UntoleratedTaint(n, tolerations) is { } taint)
            return [$"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}"];
        if (!NodeSelectors.PodMatches(pod.Pod, n))
            return [AffinityMismatch];
        if (HasPortConflict(pod, node))
            return [PortsInUse];
        return InsufficientResources(pod, node);
    }

    /// <summary>A cordoned node takes only pods that tolerate its unschedulable taint.</summary>
    public static string? UnschedulableReason(Node node, IEnumerable<Toleration>? tolerations)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Spec?.Unschedulable != true)
            return null;
        return Taints.Tolerated(tolerations, new Taint { Key = Taints.Unschedulable, Effect = "NoSchedule" }) ? null : Unschedulable;
    }

    /// <summary>The first NoSchedule or NoExecute taint (given or implied by the node's readiness) the pod does not tolerate.</summary>
    public static Taint? UntoleratedTaint(Node node, IEnumerable<Toleration>? tolerations) =>
        Taints.Effective(node).FirstOrDefault(t => t.Effect is "NoSchedule" or "NoExecute" && !Taints.Tolerated(tolerations, t));

    public static bool HasPortConflict(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (pod.HostPorts.Count == 0 || node.UsedPorts.Count == 0)
            return false;
        foreach (var wanted in pod.HostPorts)
        {
            foreach (var used in node.UsedPorts.Keys)
            {
                if (wanted.ConflictsWith(used))
                    return true;
            }
        }

        return false;
    }

    /// <summary>Every resource the node lacks room for: "Too many pods", "Insufficient cpu", ... (empty when it fits).</summary>
    public static IReadOnlyList<string> InsufficientResources(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        List<string>? reasons = null;
        if (node.PodCount + 1 > node.AllowedPodCount)
            (reasons ??= []).Add(TooManyPods);
        var want = pod.Requests;
        var free = node.Allocatable;
        var used = node.Requested;
        if (want.MilliCpu > 0 && want.MilliCpu > free.MilliCpu - used.MilliCpu)
            (reasons ??= []).Add("Insufficient cpu");
        if (want.Memory > 0 && want.Memory > free.Memory - used.Memory)
            (reasons ??= []).Add("Insufficient memory");
        if (want.EphemeralStorage > 0 && want.EphemeralStorage > free.EphemeralStorage - used.EphemeralStorage)
            (reasons ??= []).Add("Insufficient ephemeral-storage");
        if (want.Scalars is not null)
        {
            foreach (var (name, amount) in want.Scalars)
            {
                if (amount > 0 && amount > free.Scalar(name) - used.Scalar(name))
                    (reasons ??= []).Add($"Insufficient {name}");
            }
        }

        return reasons ?? (IReadOnlyList<string>)[];
    }
}
