using System.Globalization;
using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>nodeSelector and node affinity terms matched against a node's labels and fields.</summary>
public static class NodeSelectors
{
    /// <summary>Whether the pod's nodeSelector and required node affinity both admit the node.</summary>
    public static bool PodMatches(Pod pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var labels = node.Metadata?.Labels;
        if (pod.Spec?.NodeSelector is { Count: > 0 } selector)
        {
            foreach (var (key, value) in selector)
            {
                if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
                    return false;
            }
        }

        var required = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        return required is null || MatchesAnyTerm(required.NodeSelectorTerms, node);
    }

    /// <summary>Terms are ORed; a selector with no terms matches nothing.</summary>
    public static bool MatchesAnyTerm(IEnumerable<NodeSelectorTerm>? terms, Node node) => terms?.Any(t => Matches(t, node)) == true;

    /// <summary>A term's expressions and fields are ANDed; an empty term matches nothing.</summary>
    public static bool Matches(NodeSelectorTerm term, Node node)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(node);
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0)
            return false;
        var labels = node.Metadata?.Labels;
        foreach (var requirement in expressions)
        {
            string? value = null;
            var has = labels is not null && labels.TryGetValue(requirement.Key ?? "", out value);
            if (!Matches(requirement, has, value))
                return false;
        }

        foreach (var requirement in fields)
        {
            // metadata.name is the only field a node selector may name.
            var has = requirement.Key == "metadata.name";
            if (!has || !Matches(requirement, true, node.Metadata?.Name))
                return false;
        }

        return true;
    }

    private static bool Matches(NodeSelectorRequirement requirement, bool has, string? value)
    {
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            "In" => has && values.Contains(value ?? ""),
            "NotIn" => !has || !values.Contains(value ?? ""),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && Compare(value, values) is > 0,
            "Lt" => has && Compare(value, values) is < 0,
            _ => false,
        };
    }

    /// <summary>The label's integer compared with the single value; null when either is not an integer.</summary>
    private static int? Compare(string? label, IList<string> values) =>
        values.Count == 1 && long.TryParse(label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
            && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : null;
}
