namespace Kubelike.ApiMachinery.Metadata;

/// <summary>Which rule an object's name must follow; upstream picks one per kind.</summary>
public enum NameRule
{
    /// <summary>Most kinds: up to 253 characters of lower-case alphanumerics, '-' and '.'.</summary>
    Dns1123Subdomain,

    /// <summary>Namespaces: up to 63 characters of lower-case alphanumerics and '-'.</summary>
    Dns1123Label,

    /// <summary>Services: a DNS-1123 label that starts with a letter.</summary>
    Dns1035Label,

    /// <summary>RBAC roles and bindings: anything usable as one URL path segment.</summary>
    PathSegment,

    /// <summary>Kinds that are never stored (reviews, bindings): no rule.</summary>
    None,
}
