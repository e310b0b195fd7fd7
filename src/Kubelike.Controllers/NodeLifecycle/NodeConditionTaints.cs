using Kubelike.Api.Core.V1;
using Kubelike.Controllers.Scheduling;

namespace Kubelike.Controllers.NodeLifecycle;

/// <summary>
/// The taints a node's conditions imply, as upstream's node lifecycle controller keeps them: NoSchedule ones for every
/// unhealthy condition and for a cordoned node, and NoExecute ones (which evict pods) for a node that is not Ready
/// (<c>not-ready</c>) or no longer reports (<c>unreachable</c>). Taints of these keys and effects that no longer apply
/// are removed; every other taint is the user's and kept.
/// </summary>
public static class NodeConditionTaints
{
    public const string MemoryPressure = "node.kubernetes.io/memory-pressure";
    public const string DiskPressure = "node.kubernetes.io/disk-pressure";
    public const string PidPressure = "node.kubernetes.io/pid-pressure";
    public const string NetworkUnavailable = "node.kubernetes.io/network-unavailable";

    private static readonly (string Key, string Effect)[] Managed =
    [
        (Taints.NotReady, "NoSchedule"), (Taints.Unreachable, "NoSchedule"), (MemoryPressure, "NoSchedule"), (DiskPressure, "NoSchedule"),
        (PidPressure, "NoSchedule"), (NetworkUnavailable, "NoSchedule"), (Taints.Unschedulable, "NoSchedule"),
        (Taints.NotReady, "NoExecute"), (Taints.Unreachable, "NoExecute"),
    ];

    /// <summary>The node's taints as they should be; null when they already are.</summary>
    public static List<Taint>? Reconcile(Node node, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        var wanted = Wanted(node).ToHashSet();
        var current = node.Spec?.Taints ?? [];
        var result = current.Where(t => !Managed.Contains((t.Key ?? "", t.Effect ?? "")) || wanted.Contains((t.Key!, t.Effect!))).ToList();
        foreach (var (key, effect) in wanted)
        {
            if (!result.Any(t => t.Key == key && t.Effect == effect))
                result.Add(new Taint { Key = key, Effect = effect, TimeAdded = effect == "NoExecute" ? now : null });
        }

        return result.Count == current.Count && result.All(current.Contains) ? null : result;
    }

    private static IEnumerable<(string Key, string Effect)> Wanted(Node node)
    {
        var conditions = node.Status?.Conditions ?? [];
        string? Status(string type) => conditions.FirstOrDefault(c => c.Type == type)?.Status;
        switch (Status("Ready"))
        {
            case "False":
                yield return (Taints.NotReady, "NoSchedule");
                yield return (Taints.NotReady, "NoExecute");
                break;
            case "Unknown":
                yield return (Taints.Unreachable, "NoSchedule");
                yield return (Taints.Unreachable, "NoExecute");
                break;
        }

        if (Status("MemoryPressure") == "True")
            yield return (MemoryPressure, "NoSchedule");
        if (Status("DiskPressure") == "True")
            yield return (DiskPressure, "NoSchedule");
        if (Status("PIDPressure") == "True")
            yield return (PidPressure, "NoSchedule");
        if (Status("NetworkUnavailable") == "True")
            yield return (NetworkUnavailable, "NoSchedule");
        if (node.Spec?.Unschedulable == true)
            yield return (Taints.Unschedulable, "NoSchedule");
    }
}
