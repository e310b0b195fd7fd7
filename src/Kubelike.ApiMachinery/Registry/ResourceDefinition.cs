using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Registry;

/// <summary>
/// Everything the server needs to know about one served resource: naming for paths and discovery, scope,
/// verbs, subresources, where it is stored, and the per-kind behaviour switches the generic REST code reads.
/// </summary>
public sealed record ResourceDefinition
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }

    /// <summary>The path segment: "deployments".</summary>
    public required string Plural { get; init; }

    public required string Singular { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;
    public IReadOnlyList<SubresourceDefinition> Subresources { get; init; } = [];

    /// <summary>The C# model type in Kubelike.Api, when there is one.</summary>
    public Type? ModelType { get; init; }

    /// <summary>Field selectors this kind supports beyond metadata.name and metadata.namespace (e.g. "spec.nodeName").</summary>
    public IReadOnlyList<string> FieldSelectors { get; init; } = [];

    /// <summary>
    /// Field selector labels this version accepts under another name, mapped to the field path of the stored object.
    /// events.k8s.io/v1 accepts "regarding.name" and matches it against the stored (core) "involvedObject.name";
    /// pods accept the pre-1.0 "spec.host" for "spec.nodeName".
    /// </summary>
    public IReadOnlyDictionary<string, string> FieldSelectorAliases { get; init; } = EmptyAliases;

    /// <summary>
    /// Upstream's field label conversion for nodes and namespaces accepts only metadata.name (not metadata.namespace),
    /// so a cluster-scoped field selector on metadata.namespace is a 400 there and nowhere else.
    /// </summary>
    public bool FieldSelectorRejectsNamespace { get; init; }

    /// <summary>The rule metadata.name (and generateName) must follow, as upstream's validation for the kind picks it.</summary>
    public NameRule NameRule { get; init; } = NameRule.Dns1123Subdomain;

    /// <summary>DELETE answers with the deleted object (pods, services) instead of a Status.</summary>
    public bool DeleteReturnsObject { get; init; }

    /// <summary>
    /// The key in the object store. Shared by every version of one group-resource ("deployments.apps";
    /// "pods" for the core group), so versions of a resource are one set of objects. Settable where two groups
    /// serve one set of objects: events.k8s.io/v1 events are stored as "events", like core events.
    /// </summary>
    public string StorageResource
    {
        get => field ?? GroupResource;
        init;
    }

    /// <summary>"deployments.apps" / "pods": the name errors use ("deployments.apps \"web\" not found").</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public GroupVersionKind GroupVersionKind => new(Group, Version, Kind);
    public string ApiVersion => GroupVersionKind.ApiVersion;
    public string ListKind => Kind + "List";
    public bool HasStatus => Subresources.Any(s => s.Name == "status");
    public bool HasScale => Subresources.Any(s => s.Name == "scale");

    /// <summary>
    /// Whether upstream registers a field label conversion for this kind. It decides the wording of the 400 for an
    /// unsupported field: "field label not supported: x" with one, the generic "\"x\" is not a known field selector" without.
    /// </summary>
    public bool HasFieldLabelConversion => FieldSelectors.Count > 0 || FieldSelectorAliases.Count > 0 || FieldSelectorRejectsNamespace;

    /// <summary>Every field selector label this resource accepts, metadata ones first.</summary>
    public IReadOnlyList<string> SupportedFieldSelectors =>
        [.. FieldSelectorRejectsNamespace ? ["metadata.name"] : MetadataFieldSelectors, .. FieldSelectors, .. FieldSelectorAliases.Keys];

    /// <summary>Looks up a subresource by its path segment ("status", "scale"), or null.</summary>
    public SubresourceDefinition? FindSubresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);

    public bool SupportsVerb(string verb) => Verbs.Contains(verb);

    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>The two field selectors every kind supports.</summary>
    public static readonly IReadOnlyList<string> MetadataFieldSelectors = ["metadata.name", "metadata.namespace"];

    private static readonly IReadOnlyDictionary<string, string> EmptyAliases = new Dictionary<string, string>();
}
