namespace Kubelike.ApiMachinery.Registry;

/// <summary>
/// The catalogue of served resources and the lookups the API server, discovery and clients-side helpers need.
/// Groups keep the order kube-apiserver lists them in (its APIService priorities), versions within a group their
/// preference order, and resources within a version sort by plural, as upstream's discovery documents do.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceDefinition> _byPath = [];
    private readonly Dictionary<(string Group, string Version, string Kind), ResourceDefinition> _byGvk = [];
    private readonly List<ApiGroupDefinition> _groups = [];

    /// <summary>The built-in resources of kube-apiserver 1.33.</summary>
    public static ResourceRegistry BuiltIn { get; } = new(BuiltInResources.Create());

    /// <summary>
    /// Builds a registry. Groups, and versions within a group, are ordered by first appearance in
    /// <paramref name="resources"/>, so the list order is the discovery order.
    /// </summary>
    public ResourceRegistry(IEnumerable<ResourceDefinition> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var versions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var all = new List<ResourceDefinition>();
        foreach (var resource in resources)
        {
            if (!_byPath.TryAdd((resource.Group, resource.Version, resource.Plural), resource))
            {
                throw new ArgumentException($"{resource.Plural} is defined twice in {resource.ApiVersion}", nameof(resources));
            }
            _byGvk.TryAdd((resource.Group, resource.Version, resource.Kind), resource);
            all.Add(resource);
            if (!versions.TryGetValue(resource.Group, out var groupVersions))
            {
                versions[resource.Group] = groupVersions = [];
                groupOrder.Add(resource.Group);
            }
            if (!groupVersions.Contains(resource.Version))
            {
                groupVersions.Add(resource.Version);
            }
        }
        foreach (var group in groupOrder)
        {
            _groups.Add(new ApiGroupDefinition(group, versions[group]));
        }
        All = all;
    }

    /// <summary>Every resource in every served version.</summary>
    public IReadOnlyList<ResourceDefinition> All { get; }

    /// <summary>Groups in discovery order, the core group ("") first; versions in preference order.</summary>
    public IReadOnlyList<ApiGroupDefinition> Groups => _groups;

    public ApiGroupDefinition? FindGroup(string group) => _groups.Find(g => g.Name == group);

    /// <summary>The resources of one group-version, sorted by plural as discovery lists them.</summary>
    public IReadOnlyList<ResourceDefinition> ResourcesIn(string group, string version) =>
        [.. All.Where(r => r.Group == group && r.Version == version).OrderBy(r => r.Plural, StringComparer.Ordinal)];

    /// <summary>The resource at a REST path segment: (group, version, plural). Case-sensitive, as URL paths are.</summary>
    public ResourceDefinition? Find(string group, string version, string plural) =>
        _byPath.GetValueOrDefault((group, version, plural));

    public ResourceDefinition? FindByKind(GroupVersionKind gvk)
    {
        ArgumentNullException.ThrowIfNull(gvk);
        return _byGvk.GetValueOrDefault((gvk.Group, gvk.Version, gvk.Kind));
    }

    /// <summary>The resource for an object's apiVersion ("apps/v1", "v1") and kind.</summary>
    public ResourceDefinition? FindByKind(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? _byGvk.GetValueOrDefault(("", apiVersion, kind))
            : _byGvk.GetValueOrDefault((apiVersion[..slash], apiVersion[(slash + 1)..], kind));
    }

    /// <summary>
    /// Every preferred-version resource whose kind is <paramref name="kind"/> (case-insensitive), in group order:
    /// "Event" gives core events first, then events.k8s.io.
    /// </summary>
    public IReadOnlyList<ResourceDefinition> FindByKind(string kind) =>
        [.. Preferred().Where(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Resolves what a user types (kubectl's resource argument): a plural, singular or short name, case-insensitive,
    /// optionally qualified by a group ("deployments.apps", "deploy.apps"). Returns the preferred version's resource,
    /// the core group winning a tie as kubectl's priority order does; null when nothing matches.
    /// </summary>
    public ResourceDefinition? Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var candidates = Preferred().Where(r => Names(r).Contains(name, StringComparer.OrdinalIgnoreCase));
        var match = candidates.FirstOrDefault();
        if (match is not null)
        {
            return match;
        }
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }
        var (resource, group) = (name[..dot], name[(dot + 1)..]);
        return Preferred().FirstOrDefault(r =>
            string.Equals(r.Group, group, StringComparison.OrdinalIgnoreCase) && Names(r).Contains(resource, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Preferred-version resources in the category (e.g. "all"), in discovery order.</summary>
    public IReadOnlyList<ResourceDefinition> InCategory(string category) =>
        [.. Preferred().Where(r => r.Categories.Contains(category, StringComparer.Ordinal))];

    /// <summary>The resources of each group's preferred version, in discovery order.</summary>
    public IEnumerable<ResourceDefinition> Preferred() =>
        _groups.SelectMany(g => ResourcesIn(g.Name, g.PreferredVersion));

    private static IEnumerable<string> Names(ResourceDefinition r) => [r.Plural, r.Singular, .. r.ShortNames];
}
