using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// The two allocators of the service network on one store: cluster IPs (one key per address, kept as upstream's
/// networking.k8s.io/v1 IPAddress objects, with a parentRef naming the Service) and node ports (one key per port).
/// </summary>
public sealed class ServiceAllocators
{
    /// <summary>Where IPAddress-shaped allocation records live (the storage key upstream's IPAddress resource would use).</summary>
    public const string IPAddressResource = "ipaddresses.networking.k8s.io";

    /// <summary>Node port allocations; internal, no API resource serves them.</summary>
    public const string NodePortResource = "kubelike-servicenodeports";

    private readonly TimeProvider _time;

    public ServiceAllocators(IObjectStore store, ServiceNetworkOptions network, TimeProvider time)
    {
        _time = time;
        Network = network;
        var ipCount = network.ClusterIPCount;
        ClusterIPs = new RangeAllocator(store, IPAddressResource, ipCount, Math.Min(Math.Max(16, ipCount / 16), 256), offset => network.ClusterIPAt(offset).ToString());
        var portCount = network.NodePortLast - network.NodePortFirst + 1L;
        NodePorts = new RangeAllocator(store, NodePortResource, portCount, Math.Min(Math.Max(16, portCount / 32), 128),
            offset => (network.NodePortFirst + offset).ToString(CultureInfo.InvariantCulture));
    }

    public ServiceNetworkOptions Network { get; }

    internal RangeAllocator ClusterIPs { get; }

    internal RangeAllocator NodePorts { get; }

    /// <summary>An IPAddress object for <paramref name="ip"/> whose parent is the Service <paramref name="ns"/>/<paramref name="name"/>.</summary>
    internal JsonObject IPAddressRecord(string ip, string ns, string name) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "IPAddress",
        ["metadata"] = new JsonObject
        {
            ["name"] = ip,
            ["uid"] = Guid.NewGuid().ToString(),
            ["creationTimestamp"] = ObjectMeta.FormatTime(_time.GetUtcNow()),
            ["labels"] = new JsonObject
            {
                ["ipaddress.kubernetes.io/ip-family"] = "IPv4",
                ["ipaddress.kubernetes.io/managed-by"] = "ipallocator.k8s.io",
            },
        },
        ["spec"] = new JsonObject { ["parentRef"] = ParentRef(ns, name) },
    };

    internal JsonObject NodePortRecord(long offset, string ns, string name) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = NodePorts.NameOf(offset),
            ["creationTimestamp"] = ObjectMeta.FormatTime(_time.GetUtcNow()),
        },
        ["spec"] = new JsonObject { ["parentRef"] = ParentRef(ns, name) },
    };

    /// <summary>Whether an allocation record names the Service <paramref name="ns"/>/<paramref name="name"/> as its parent.</summary>
    internal static bool IsParent(JsonObject record, string ns, string name) =>
        record["spec"]?["parentRef"] is JsonObject parent
        && parent["namespace"]?.GetValue<string>() == ns && parent["name"]?.GetValue<string>() == name;

    internal static (string Namespace, string Name)? Parent(JsonObject record) =>
        record["spec"]?["parentRef"] is JsonObject parent && parent["name"]?.GetValue<string>() is { } name
            ? (parent["namespace"]?.GetValue<string>() ?? "", name)
            : null;

    internal static DateTimeOffset? Created(JsonObject record) =>
        record["metadata"]?["creationTimestamp"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    internal long? ClusterIPOffset(string ip) => IPAddress.TryParse(ip, out var address) ? Network.ClusterIPOffset(address) : null;

    internal long? NodePortOffset(long port) =>
        port >= Network.NodePortFirst && port <= Network.NodePortLast ? port - Network.NodePortFirst : null;

    private static JsonObject ParentRef(string ns, string name) => new()
    {
        ["group"] = "",
        ["resource"] = "services",
        ["namespace"] = ns,
        ["name"] = name,
    };
}
