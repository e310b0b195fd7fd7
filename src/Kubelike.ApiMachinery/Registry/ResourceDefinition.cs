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

    /// <summary>DELETE answers with the deleted object (pods, services) instead of a Status.</summary>
    public bool DeleteReturnsObject { get; init; }

    /// <summary>
    /// The key in the object store. Shared by every version of one group-resource ("deployments.apps";
    /// "pods" for the core group), so versions of a resource are one set of objects.
    /// </summary>
    public string StorageResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"deployments.apps" / "pods": the name errors use ("deployments.apps \"web\" not found").</summary>
    public string GroupResource => StorageResource;

    public GroupVersionKind GroupVersionKind => new(Group, Version, Kind);
    public string ApiVersion => GroupVersionKind.ApiVersion;
    public string ListKind => Kind + "List";
    public bool HasStatus => Subresources.Any(s => s.Name == "status");
    public bool HasScale => Subresources.Any(s => s.Name == "scale");

    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
