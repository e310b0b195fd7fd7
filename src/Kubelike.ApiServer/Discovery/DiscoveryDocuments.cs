using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Discovery;

/// <summary>
/// The discovery documents, all built from the one <see cref="ResourceRegistry"/>: aggregated discovery
/// (apidiscovery.k8s.io v2/v2beta1, what kubectl ≥ 1.30 asks for first) and the legacy documents it falls back to.
/// </summary>
public sealed class DiscoveryDocuments(ResourceRegistry registry, string serverAddress)
{
    /// <summary>APIGroupDiscoveryList for /api (core group only) or /apis (every other group).</summary>
    public JsonObject Aggregated(bool core, string version) => new()
    {
        ["kind"] = "APIGroupDiscoveryList",
        ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. registry.Groups.Where(g => (g.Name.Length == 0) == core).Select(AggregatedGroup)]),
    };

    private JsonNode AggregatedGroup(ApiGroupDefinition group) => new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = group.Name },
        ["versions"] = new JsonArray([.. group.Versions.Select(version => (JsonNode)new JsonObject
        {
            ["version"] = version,
            ["freshness"] = "Current",
            ["resources"] = new JsonArray([.. registry.ResourcesIn(group.Name, version).Select(AggregatedResource)]),
        })]),
    };

    private static JsonNode AggregatedResource(ResourceDefinition resource)
    {
        var node = new JsonObject
        {
            ["resource"] = resource.Plural,
            ["responseKind"] = Kind(resource.GroupVersionKind),
            ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = resource.Singular,
            ["verbs"] = Strings(resource.Verbs),
        };
        if (resource.ShortNames.Count > 0)
            node["shortNames"] = Strings(resource.ShortNames);
        if (resource.Categories.Count > 0)
            node["categories"] = Strings(resource.Categories);
        if (resource.Subresources.Count > 0)
        {
            node["subresources"] = new JsonArray([.. resource.Subresources.Select(sub => (JsonNode)new JsonObject
            {
                ["subresource"] = sub.Name,
                ["responseKind"] = Kind(sub.ResponseKind ?? new GroupVersionKind("", "", "")),
                ["verbs"] = Strings(sub.Verbs),
            })]);
        }
        return node;
    }

    /// <summary>/api: APIVersions.</summary>
    public JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = Strings(registry.FindGroup("")?.Versions ?? ["v1"]),
        ["serverAddressByClientCIDRs"] = ServerAddresses(),
    };

    /// <summary>/apis: APIGroupList.</summary>
    public JsonObject ApiGroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups.Where(g => g.Name.Length > 0).Select(g => (JsonNode)ApiGroup(g, withKind: false))]),
    };

    /// <summary>/apis/{group}: APIGroup, or null for an unknown group.</summary>
    public JsonObject? ApiGroup(string group) => registry.FindGroup(group) is { Name.Length: > 0 } definition ? ApiGroup(definition, withKind: true) : null;

    private JsonObject ApiGroup(ApiGroupDefinition group, bool withKind)
    {
        var node = new JsonObject();
        if (withKind)
        {
            node["kind"] = "APIGroup";
            node["apiVersion"] = "v1";
        }
        node["name"] = group.Name;
        node["versions"] = new JsonArray([.. group.Versions.Select(v => (JsonNode)GroupVersion(group, v))]);
        node["preferredVersion"] = GroupVersion(group, group.PreferredVersion);
        if (withKind)
            node["serverAddressByClientCIDRs"] = ServerAddresses();
        return node;
    }

    /// <summary>/api/v1 or /apis/{group}/{version}: APIResourceList, or null for an unknown group-version.</summary>
    public JsonObject? ApiResourceList(string group, string version)
    {
        var definition = registry.FindGroup(group);
        if (definition is null || !definition.Versions.Contains(version))
            return null;
        var resources = new JsonArray();
        foreach (var resource in registry.ResourcesIn(group, version))
        {
            var node = new JsonObject
            {
                ["name"] = resource.Plural,
                ["singularName"] = resource.Singular,
                ["namespaced"] = resource.Namespaced,
                ["kind"] = resource.Kind,
                ["verbs"] = Strings(resource.Verbs),
            };
            if (resource.ShortNames.Count > 0)
                node["shortNames"] = Strings(resource.ShortNames);
            if (resource.Categories.Count > 0)
                node["categories"] = Strings(resource.Categories);
            resources.Add(node);
            foreach (var sub in resource.Subresources)
            {
                var subNode = new JsonObject
                {
                    ["name"] = $"{resource.Plural}/{sub.Name}",
                    ["singularName"] = "",
                    ["namespaced"] = resource.Namespaced,
                    ["kind"] = sub.ResponseKind?.Kind ?? resource.Kind,
                    ["verbs"] = Strings(sub.Verbs),
                };
                if (sub.ResponseKind is { } kind && (kind.Group != resource.Group || kind.Version != resource.Version))
                {
                    subNode["group"] = kind.Group;
                    subNode["version"] = kind.Version;
                }
                resources.Add(subNode);
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = definition.GroupVersion(version),
            ["resources"] = resources,
        };
    }

    private static JsonObject GroupVersion(ApiGroupDefinition group, string version) => new()
    {
        ["groupVersion"] = group.GroupVersion(version),
        ["version"] = version,
    };

    private static JsonObject Kind(GroupVersionKind kind) => new()
    {
        ["group"] = kind.Group,
        ["version"] = kind.Version,
        ["kind"] = kind.Kind,
    };

    private JsonArray ServerAddresses() => [new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }];

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
