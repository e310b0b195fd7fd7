using System.Collections.Concurrent;
using System.Reflection;
using Kubelike.Api.Schema;

namespace Kubelike.Client.Rest;

/// <summary>
/// Maps model types to their <see cref="ApiResource"/>: group, version and kind come from the type's
/// <c>[KubernetesKind]</c>; the plural is the lower-cased kind made plural by the English rules Kubernetes uses,
/// and the scope is namespaced unless the kind is one of the cluster-scoped built-ins. <see cref="Register{T}"/>
/// overrides both for types the rules get wrong (custom resources, irregular plurals).
/// </summary>
public static class ApiResourceCatalog
{
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "ComponentStatus",
        "ClusterRole", "ClusterRoleBinding", "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
        "PriorityClass", "RuntimeClass", "IngressClass", "CustomResourceDefinition", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
        "TokenReview", "SelfSubjectReview", "SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
        "IPAddress", "ServiceCIDR",
    };

    private static readonly Dictionary<string, string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        ["Endpoints"] = "endpoints",
    };

    private static readonly ConcurrentDictionary<Type, ApiResource> Known = new();

    /// <summary>Records the resource of <typeparamref name="T"/>, replacing what the rules would derive.</summary>
    public static void Register<T>(ApiResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Known[typeof(T)] = resource;
    }

    public static ApiResource For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Known.GetOrAdd(type, static t =>
        {
            var kind = t.GetCustomAttribute<KubernetesKindAttribute>()
                ?? throw new ArgumentException($"{t.Name} has no [KubernetesKind]; register its resource with ApiResourceCatalog.Register", nameof(type));
            return new ApiResource(kind.Group, kind.Version, Plural(kind.Kind), kind.Kind, !ClusterScopedKinds.Contains(kind.Kind));
        });
    }

    /// <summary>The plural resource name of a kind (<c>Ingress</c> → <c>ingresses</c>, <c>NetworkPolicy</c> → <c>networkpolicies</c>).</summary>
    public static string Plural(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (IrregularPlurals.TryGetValue(kind, out var irregular))
            return irregular;
#pragma warning disable CA1308 // Kubernetes resource names are lower case by definition.
        var lower = kind.ToLowerInvariant();
#pragma warning restore CA1308
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
            return lower + "es";
        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
            return lower[..^1] + "ies";
        return lower + "s";
    }
}
