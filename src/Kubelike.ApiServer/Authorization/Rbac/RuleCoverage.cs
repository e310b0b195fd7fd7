using Kubelike.Api.Rbac.V1;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// Whether a set of rules a user holds covers the rules they try to grant, as upstream's escalation check decides it:
/// each requested rule is broken down to one verb on one group/resource/name (or one verb on one URL), and each piece
/// must be covered by one held rule. The pieces not covered are reported compacted (verbs merged per resource).
/// </summary>
public static class RuleCoverage
{
    public static List<PolicyRule> Missing(IReadOnlyList<PolicyRule> owner, IEnumerable<PolicyRule> requested)
    {
        var missing = new List<PolicyRule>();
        foreach (var rule in requested.SelectMany(Breakdown))
        {
            if (!owner.Any(o => Covers(o, rule)))
                missing.Add(rule);
        }
        return missing;
    }

    /// <summary>Upstream's CompactString of each compacted rule, sorted: <c>{APIGroups:[""], Resources:["pods"], Verbs:["get"]}</c>.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<PolicyRule> missing) =>
        [.. Compact(missing).Select(CompactString).Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        var verbs = rule.Verbs ?? [];
        foreach (var group in rule.ApiGroups ?? [])
        {
            foreach (var resource in rule.Resources ?? [])
            {
                if (rule.ResourceNames is { Count: > 0 } names)
                {
                    foreach (var name in names)
                    {
                        foreach (var verb in verbs)
                            yield return new PolicyRule { ApiGroups = [group], Resources = [resource], ResourceNames = [name], Verbs = [verb] };
                    }
                }
                else
                {
                    foreach (var verb in verbs)
                        yield return new PolicyRule { ApiGroups = [group], Resources = [resource], Verbs = [verb] };
                }
            }
        }
        foreach (var url in rule.NonResourceURLs ?? [])
        {
            foreach (var verb in verbs)
                yield return new PolicyRule { NonResourceURLs = [url], Verbs = [verb] };
        }
    }

    private static bool Covers(PolicyRule owner, PolicyRule sub)
    {
        var verbs = HasAll(owner.Verbs, sub.Verbs);
        var groups = HasAll(owner.ApiGroups, sub.ApiGroups);
        var resources = ResourcesCover(owner.Resources ?? [], sub.Resources ?? []);
        var urls = UrlsCover(owner.NonResourceURLs ?? [], sub.NonResourceURLs ?? []);
        var names = sub.ResourceNames is not { Count: > 0 }
            ? owner.ResourceNames is not { Count: > 0 }
            : owner.ResourceNames is not { Count: > 0 } || HasAll(owner.ResourceNames, sub.ResourceNames, wildcard: false);
        return verbs && groups && resources && urls && names;
    }

    private static bool HasAll(IList<string>? set, IList<string>? values, bool wildcard = true)
    {
        set ??= [];
        if (wildcard && set.Contains(PolicyRules.All))
            return true;
        return (values ?? []).All(set.Contains);
    }

    private static bool ResourcesCover(IList<string> owner, IList<string> requested)
    {
        if (owner.Contains(PolicyRules.All))
            return true;
        foreach (var resource in requested)
        {
            if (owner.Contains(resource))
                continue;
            var slash = resource.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !owner.Contains("*/" + resource[(slash + 1)..]))
                return false;
        }
        return true;
    }

    private static bool UrlsCover(IList<string> owner, IList<string> requested) =>
        requested.All(url => owner.Any(o => o == url || (o.EndsWith('*') && url.StartsWith(o.TrimEnd('*'), StringComparison.Ordinal))));

    /// <summary>Simple resource rules differing only in their verb become one rule with the verbs in order.</summary>
    private static List<PolicyRule> Compact(IEnumerable<PolicyRule> rules)
    {
        var compacted = new List<PolicyRule>();
        var byResource = new Dictionary<(string, string), PolicyRule>();
        foreach (var rule in rules)
        {
            if (rule is { ApiGroups.Count: 1, Resources.Count: 1, ResourceNames: null or { Count: 0 }, NonResourceURLs: null or { Count: 0 } })
            {
                var key = (rule.ApiGroups[0], rule.Resources[0]);
                if (byResource.TryGetValue(key, out var existing))
                {
                    foreach (var verb in rule.Verbs ?? [])
                    {
                        if (!existing.Verbs!.Contains(verb))
                            existing.Verbs.Add(verb);
                    }
                    continue;
                }
                var copy = new PolicyRule { ApiGroups = [.. rule.ApiGroups], Resources = [.. rule.Resources], Verbs = [.. rule.Verbs ?? []] };
                byResource[key] = copy;
                compacted.Add(copy);
                continue;
            }
            compacted.Add(rule);
        }
        return compacted;
    }

    private static string CompactString(PolicyRule rule)
    {
        var parts = new List<string>();
        void Add(string name, IList<string>? values)
        {
            if (values is { Count: > 0 })
                parts.Add($"{name}:[{string.Join(" ", values.Select(RuleSource.Quote))}]");
        }
        Add("APIGroups", rule.ApiGroups);
        Add("Resources", rule.Resources);
        Add("NonResourceURLs", rule.NonResourceURLs);
        Add("ResourceNames", rule.ResourceNames);
        Add("Verbs", rule.Verbs);
        return "{" + string.Join(", ", parts) + "}";
    }
}
