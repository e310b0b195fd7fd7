using Kubelike.Api.Meta.V1;

namespace Kubelike.Controllers.Runtime;

/// <summary>Matching labels against a <see cref="LabelSelector"/> as the API defines it.</summary>
public static class LabelSelectors
{
    /// <summary>Whether <paramref name="labels"/> match; an empty or null selector matches nothing, as for workload selectors.</summary>
    public static bool Matches(LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0))
            return false;
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
                return false;
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key ?? "", out var actual);
            var values = requirement.Values ?? [];
            var ok = requirement.Operator switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
                return false;
        }

        return true;
    }
}
