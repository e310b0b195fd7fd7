using Kubelike.Api.Rbac.V1;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>Whether one RBAC rule covers a request, with upstream's matching of verbs, groups, resources, names and paths.</summary>
public static class PolicyRules
{
    public const string Group = "rbac.authorization.k8s.io";
    public const string All = "*";

    public static bool Allows(PolicyRule rule, AuthorizationAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(attributes);
        if (!VerbMatches(rule, attributes.Verb))
            return false;
        if (!attributes.IsResourceRequest)
            return NonResourceUrlMatches(rule, attributes.Path);
        var combined = attributes.Subresource.Length == 0 ? attributes.Resource : $"{attributes.Resource}/{attributes.Subresource}";
        return ApiGroupMatches(rule, attributes.Group)
            && ResourceMatches(rule, combined, attributes.Subresource)
            && ResourceNameMatches(rule, attributes.Name);
    }

    public static bool VerbMatches(PolicyRule rule, string verb) => Has(rule.Verbs, verb);

    public static bool ApiGroupMatches(PolicyRule rule, string group) => Has(rule.ApiGroups, group);

    /// <summary><c>*</c>, the exact <c>resource/subresource</c>, or <c>*/subresource</c> for any resource's subresource.</summary>
    public static bool ResourceMatches(PolicyRule rule, string combinedResource, string subresource)
    {
        foreach (var resource in rule.Resources ?? [])
        {
            if (resource == All || resource == combinedResource)
                return true;
            if (subresource.Length > 0 && resource.Length == subresource.Length + 2 && resource.StartsWith("*/", StringComparison.Ordinal)
                && resource.EndsWith(subresource, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>No names means every name.</summary>
    public static bool ResourceNameMatches(PolicyRule rule, string name) =>
        rule.ResourceNames is not { Count: > 0 } names || names.Contains(name);

    /// <summary><c>*</c>, the exact path, or a prefix ending in <c>*</c>.</summary>
    public static bool NonResourceUrlMatches(PolicyRule rule, string path)
    {
        foreach (var url in rule.NonResourceURLs ?? [])
        {
            if (url == All || url == path)
                return true;
            if (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool Has(IList<string>? values, string value) =>
        values is not null && (values.Contains(All) || values.Contains(value));
}
