using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>Taints and tolerations, as upstream matches them, and the taints a node's conditions imply.</summary>
public static class Taints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string Unschedulable = "node.kubernetes.io/unschedulable";

    /// <summary>Whether <paramref name="toleration"/> tolerates <paramref name="taint"/>.</summary>
    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        ArgumentNullException.ThrowIfNull(toleration);
        ArgumentNullException.ThrowIfNull(taint);
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
            return false;
        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
            return false;
        return toleration.Operator switch
        {
            // An empty key with Exists tolerates everything.
            "Exists" => true,
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            _ => false,
        };
    }

    public static bool Tolerated(IEnumerable<Toleration>? tolerations, Taint taint) => tolerations?.Any(t => Tolerates(t, taint)) == true;

    /// <summary>
    /// The node's taints, plus the NoSchedule taint the node lifecycle controller would add for a node that is not
    /// Ready (not-ready) or has stopped reporting (unreachable), when the node does not carry it yet.
    /// </summary>
    public static IEnumerable<Taint> Effective(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var taints = node.Spec?.Taints ?? [];
        foreach (var taint in taints)
            yield return taint;
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;
        var implied = ready switch
        {
            "True" => null,
            "Unknown" => Unreachable,
            _ => NotReady,
        };
        if (implied is not null && !taints.Any(t => t.Key == implied && t.Effect == "NoSchedule"))
            yield return new Taint { Key = implied, Effect = "NoSchedule" };
    }
}
