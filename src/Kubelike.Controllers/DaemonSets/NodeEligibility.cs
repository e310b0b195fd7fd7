using System.Globalization;
using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.DaemonSets;

/// <summary>
/// Whether a DaemonSet's pod belongs on a node, as upstream's controller decides it: the template's nodeName,
/// nodeSelector and required node affinity must match the node, and its taints must be tolerated — all of them to
/// start a pod there (<see cref="ShouldRun"/>), only the NoExecute ones to keep one running (<see cref="ShouldContinueRunning"/>).
/// </summary>
public static class NodeEligibility
{
    public static bool ShouldRun(PodSpec spec, Node node) =>
        Fits(spec, node) && Tolerates(spec, node, t => t.Effect is "NoSchedule" or "NoExecute");

    public static bool ShouldContinueRunning(PodSpec spec, Node node) =>
        Fits(spec, node) && Tolerates(spec, node, t => t.Effect == "NoExecute");

    private static bool Fits(PodSpec spec, Node node)
    {
        if (!string.IsNullOrEmpty(spec.NodeName) && spec.NodeName != node.Metadata?.Name)
            return false;
        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        if (spec.NodeSelector is { } selector && selector.Any(p => !labels.TryGetValue(p.Key, out var v) || v != p.Value))
            return false;
        var terms = spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        // The terms are ORed; an empty list matches nothing, as upstream.
        return terms is null || terms.Any(term => Matches(term, node, labels));
    }

    private static bool Matches(NodeSelectorTerm term, Node node, IDictionary<string, string> labels)
    {
        if ((term.MatchExpressions?.Count ?? 0) == 0 && (term.MatchFields?.Count ?? 0) == 0)
            return false;
        var fields = new Dictionary<string, string> { ["metadata.name"] = node.Metadata?.Name ?? "" };
        return (term.MatchExpressions ?? []).All(r => Matches(r, labels)) && (term.MatchFields ?? []).All(r => Matches(r, fields));
    }

    private static bool Matches(NodeSelectorRequirement requirement, IDictionary<string, string> values)
    {
        var has = values.TryGetValue(requirement.Key ?? "", out var actual);
        var wanted = requirement.Values ?? [];
        return requirement.Operator switch
        {
            "In" => has && wanted.Contains(actual!),
            "NotIn" => !has || !wanted.Contains(actual!),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && Compare(actual!, wanted) > 0,
            "Lt" => has && Compare(actual!, wanted) < 0,
            _ => false,
        };
    }

    /// <summary>Gt and Lt compare integers; anything unparsable does not match (0 is neither greater nor less).</summary>
    private static int Compare(string actual, IList<string> wanted) =>
        wanted.Count == 1 && long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
        && long.TryParse(wanted[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w) ? a.CompareTo(w) : 0;

    private static bool Tolerates(PodSpec spec, Node node, Func<Taint, bool> relevant) =>
        (node.Spec?.Taints ?? []).Where(relevant).All(taint => (spec.Tolerations ?? []).Any(t => Tolerates(t, taint)));

    private static bool Tolerates(Toleration toleration, Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
            return false;
        if (toleration.Operator == "Exists")
            return string.IsNullOrEmpty(toleration.Key) || toleration.Key == taint.Key;
        return toleration.Key == taint.Key && (toleration.Value ?? "") == (taint.Value ?? "");
    }
}
