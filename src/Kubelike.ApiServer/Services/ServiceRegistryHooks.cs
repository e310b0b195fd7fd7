using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Registry;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// A Service's cluster IP, node ports and health-check node port, as upstream's service registry handles them:
/// allocated on create and on an update that needs new ones (a requested value is honoured when it is free and in
/// range, else 422), given back when the write fails, when an update stops using them (type change) and on delete.
/// Values the caller leaves out of an update are kept from the stored object (upstream's patchAllocatedValues), and
/// values a type no longer uses are dropped when the caller left them unchanged (dropTypeDependentFields).
/// </summary>
public sealed class ServiceRegistryHooks(ServiceAllocators allocators, ResourceRegistry registry) : IRegistryHooks
{
    private readonly ResourceDefinition _services = registry.Find("", "v1", "services")!;

    public bool AppliesTo(ResourceDefinition resource) => resource.Group.Length == 0 && resource.Plural == "services";

    public async ValueTask<WriteCompletion> BeginCreateAsync(JsonObject obj, bool dryRun, CancellationToken cancellationToken)
    {
        var spec = Spec(obj);
        NormalizeClusterIPs(spec);
        var claims = new Claims(allocators, Namespace(obj), Name(obj), dryRun);
        try
        {
            if (NeedsClusterIP(spec))
                await AllocateClusterIPAsync(obj, spec, claims, cancellationToken);
            await AllocateNodePortsAsync(obj, spec, [], claims, cancellationToken);
            await AllocateHealthCheckNodePortAsync(obj, spec, null, claims, cancellationToken);
        }
        catch
        {
            await claims.RollbackAsync();
            throw;
        }
        return async stored =>
        {
            if (!stored)
                await claims.RollbackAsync();
        };
    }

    public async ValueTask<WriteCompletion> BeginUpdateAsync(JsonObject updated, JsonObject current, bool dryRun, CancellationToken cancellationToken)
    {
        var spec = Spec(updated);
        var old = current["spec"] as JsonObject ?? [];
        PatchAllocatedValues(spec, old);
        NormalizeChangedClusterIP(spec, old);
        DropTypeDependentFields(spec, old);
        NormalizeClusterIPs(spec);
        var claims = new Claims(allocators, Namespace(updated), Name(updated), dryRun);
        var oldIPs = NeedsClusterIP(old) ? ClusterIPs(old) : [];
        var oldPorts = NodePorts(old);
        var oldHealthCheck = HealthCheckNodePort(old);
        try
        {
            // An IP that changes is refused by validation; only a service that had none (ExternalName before) gets one here.
            if (NeedsClusterIP(spec) && oldIPs.Count == 0)
                await AllocateClusterIPAsync(updated, spec, claims, cancellationToken);
            await AllocateNodePortsAsync(updated, spec, oldPorts, claims, cancellationToken);
            await AllocateHealthCheckNodePortAsync(updated, spec, oldHealthCheck, claims, cancellationToken);
        }
        catch
        {
            await claims.RollbackAsync();
            throw;
        }
        return async stored =>
        {
            if (!stored)
            {
                await claims.RollbackAsync();
                return;
            }
            // The update is stored: give back what the service no longer uses.
            var ns = Namespace(updated);
            var name = Name(updated);
            var keptIPs = NeedsClusterIP(spec) ? ClusterIPs(spec) : [];
            foreach (var ip in oldIPs.Except(keptIPs))
                await ReleaseClusterIPAsync(ip, ns, name);
            var keptPorts = NodePorts(spec);
            if (HealthCheckNodePort(spec) is { } hc)
                keptPorts.Add(hc);
            if (oldHealthCheck is { } oldHc)
                oldPorts.Add(oldHc);
            foreach (var port in oldPorts.Except(keptPorts))
                await ReleaseNodePortAsync(port, ns, name);
        };
    }

    public async ValueTask AfterDeleteAsync(JsonObject deleted, CancellationToken cancellationToken)
    {
        var spec = deleted["spec"] as JsonObject ?? [];
        var ns = Namespace(deleted);
        var name = Name(deleted);
        foreach (var ip in ClusterIPs(spec))
            await ReleaseClusterIPAsync(ip, ns, name);
        var ports = NodePorts(spec);
        if (HealthCheckNodePort(spec) is { } hc)
            ports.Add(hc);
        foreach (var port in ports)
            await ReleaseNodePortAsync(port, ns, name);
    }

    private async Task AllocateClusterIPAsync(JsonObject obj, JsonObject spec, Claims claims, CancellationToken cancellationToken)
    {
        if (Text(spec["clusterIP"]) == "None" || (spec["clusterIPs"] is JsonArray { Count: > 0 } given && Text(given[0]) == "None"))
            return; // headless
        var requested = ClusterIPs(spec);
        if (requested.Count == 0)
        {
            var offset = await claims.ClaimAnyAsync(allocators.ClusterIPs, cancellationToken)
                ?? throw ApiException.InternalError("failed to allocate a serviceIP: range is full");
            var ip = allocators.ClusterIPs.NameOf(offset);
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
            return;
        }
        var first = requested[0];
        if (!System.Net.IPAddress.TryParse(first, out _))
            return; // validation reports it
        if (allocators.ClusterIPOffset(first) is not { } requestedOffset)
        {
            throw Invalid(obj, "spec.clusterIPs", requested,
                $"failed to allocate IP {first}: the provided IP ({first}) is not in the valid range. The range of valid IPs is {allocators.Network.ClusterIPRange}");
        }
        if (!await claims.ClaimAsync(allocators.ClusterIPs, requestedOffset, cancellationToken))
            throw Invalid(obj, "spec.clusterIPs", requested, $"failed to allocate IP {first}: provided IP is already allocated");
    }

    private async Task AllocateNodePortsAsync(JsonObject obj, JsonObject spec, List<long> alreadyOwned, Claims claims, CancellationToken cancellationToken)
    {
        var type = TypeOf(spec);
        if (type is not ("NodePort" or "LoadBalancer"))
            return;
        var allocateMissing = type == "NodePort" || spec["allocateLoadBalancerNodePorts"]?.GetValueKind() != System.Text.Json.JsonValueKind.False;
        var ports = spec["ports"] as JsonArray ?? [];
        var inThisService = new HashSet<long>(alreadyOwned);
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not JsonObject port)
                continue;
            var requested = Number(port["nodePort"]);
            var path = $"spec.ports[{i.ToString(CultureInfo.InvariantCulture)}].nodePort";
            if (requested is > 0 and var value)
            {
                // The same node port for two protocols of one service is one allocation.
                if (!inThisService.Add(value))
                    continue;
                if (allocators.NodePortOffset(value) is not { } offset)
                {
                    if (value <= 65535)
                        throw Invalid(obj, path, value, $"provided port is not in the valid range. The range of valid ports is {allocators.Network.NodePortRange}");
                    continue; // validation reports it
                }
                if (!await claims.ClaimAsync(allocators.NodePorts, offset, cancellationToken))
                    throw Invalid(obj, path, value, "provided port is already allocated");
            }
            else if (allocateMissing)
            {
                var offset = await claims.ClaimAnyAsync(allocators.NodePorts, cancellationToken)
                    ?? throw ApiException.InternalError("failed to allocate a nodePort: range is full");
                var port64 = allocators.Network.NodePortFirst + offset;
                port["nodePort"] = (int)port64;
                inThisService.Add(port64);
            }
        }
    }

    private async Task AllocateHealthCheckNodePortAsync(JsonObject obj, JsonObject spec, long? owned, Claims claims, CancellationToken cancellationToken)
    {
        if (!NeedsHealthCheckNodePort(spec))
            return;
        var requested = HealthCheckNodePort(spec);
        if (requested is { } value)
        {
            if (value == owned)
                return;
            if (allocators.NodePortOffset(value) is not { } offset)
            {
                if (value <= 65535)
                    throw Invalid(obj, "spec.healthCheckNodePort", value, $"provided port is not in the valid range. The range of valid ports is {allocators.Network.NodePortRange}");
                return;
            }
            if (!await claims.ClaimAsync(allocators.NodePorts, offset, cancellationToken))
                throw Invalid(obj, "spec.healthCheckNodePort", value, "provided port is already allocated");
            return;
        }
        var any = await claims.ClaimAnyAsync(allocators.NodePorts, cancellationToken)
            ?? throw ApiException.InternalError("failed to allocate a nodePort: range is full");
        spec["healthCheckNodePort"] = (int)(allocators.Network.NodePortFirst + any);
    }

    private Task ReleaseClusterIPAsync(string ip, string ns, string name) =>
        allocators.ClusterIPOffset(ip) is { } offset
            ? allocators.ClusterIPs.ReleaseAsync(offset, record => ServiceAllocators.IsParent(record, ns, name), CancellationToken.None)
            : Task.CompletedTask;

    private Task ReleaseNodePortAsync(long port, string ns, string name) =>
        allocators.NodePortOffset(port) is { } offset
            ? allocators.NodePorts.ReleaseAsync(offset, record => ServiceAllocators.IsParent(record, ns, name), CancellationToken.None)
            : Task.CompletedTask;

    private ApiException Invalid(JsonObject obj, string field, object value, string detail) =>
        ApiException.Invalid(_services, Name(obj), [FieldError.Invalid(field, value, detail)]);

    /// <summary>Keeps what was allocated when an update leaves it out (kubectl replace/apply of the original manifest).</summary>
    private static void PatchAllocatedValues(JsonObject spec, JsonObject old)
    {
        if (NeedsClusterIP(old) && NeedsClusterIP(spec))
        {
            if (string.IsNullOrEmpty(Text(spec["clusterIP"])) && old["clusterIP"] is { } ip)
                spec["clusterIP"] = ip.DeepClone();
            if (spec["clusterIPs"] is not JsonArray { Count: > 0 } && old["clusterIPs"] is JsonArray { Count: > 0 } ips)
                spec["clusterIPs"] = ips.DeepClone();
        }
        if (NeedsNodePorts(old) && NeedsNodePorts(spec))
        {
            var used = NodePorts(spec).ToHashSet();
            var byName = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var port in (old["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Number(port["nodePort"]) is > 0 and var value)
                    byName.TryAdd(Text(port["name"]) ?? "", value);
            }
            foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Number(port["nodePort"]) is > 0)
                    continue;
                if (byName.TryGetValue(Text(port["name"]) ?? "", out var value) && used.Add(value))
                    port["nodePort"] = (int)value;
            }
        }
        if (NeedsHealthCheckNodePort(old) && NeedsHealthCheckNodePort(spec) && HealthCheckNodePort(spec) is null && old["healthCheckNodePort"] is { } hc)
            spec["healthCheckNodePort"] = hc.DeepClone();
    }

    /// <summary>Clears values the new type does not use, when the caller carried them over unchanged.</summary>
    private static void DropTypeDependentFields(JsonObject spec, JsonObject old)
    {
        if (NeedsClusterIP(old) && !NeedsClusterIP(spec))
        {
            if (SameJson(spec, old, "clusterIP") && SameJson(spec, old, "clusterIPs"))
            {
                spec.Remove("clusterIP");
                spec.Remove("clusterIPs");
            }
            if (SameJson(spec, old, "ipFamilies"))
                spec.Remove("ipFamilies");
            if (SameJson(spec, old, "ipFamilyPolicy"))
                spec.Remove("ipFamilyPolicy");
        }
        if (NeedsNodePorts(old) && !NeedsNodePorts(spec) && NodePorts(spec).SequenceEqual(NodePorts(old)))
        {
            foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
                port.Remove("nodePort");
        }
        if (NeedsHealthCheckNodePort(old) && !NeedsHealthCheckNodePort(spec) && SameJson(spec, old, "healthCheckNodePort"))
            spec.Remove("healthCheckNodePort");
        if (TypeOf(old) == "LoadBalancer" && TypeOf(spec) != "LoadBalancer" && SameJson(spec, old, "allocateLoadBalancerNodePorts"))
            spec.Remove("allocateLoadBalancerNodePorts");
        if (TypeOf(spec) is "ClusterIP" or "ExternalName" && !(spec["externalIPs"] is JsonArray { Count: > 0 }) && SameJson(spec, old, "externalTrafficPolicy"))
            spec.Remove("externalTrafficPolicy");
    }

    /// <summary>
    /// A clusterIP changed while clusterIPs stayed as stored: clusterIPs follows it (or is cleared with it), so that
    /// validation reports the change of the address itself (upstream's normalizeClusterIPs on update).
    /// </summary>
    private static void NormalizeChangedClusterIP(JsonObject spec, JsonObject old)
    {
        var ip = Text(spec["clusterIP"]) ?? "";
        if (ip == (Text(old["clusterIP"]) ?? "") || !SameJson(spec, old, "clusterIPs"))
            return;
        if (ip.Length == 0)
            spec.Remove("clusterIPs");
        else
            spec["clusterIPs"] = new JsonArray(ip);
    }

    /// <summary>clusterIP and clusterIPs say the same (upstream's NormalizeClusterIPs, for single-stack).</summary>
    private static void NormalizeClusterIPs(JsonObject spec)
    {
        var ip = Text(spec["clusterIP"]);
        var ips = spec["clusterIPs"] as JsonArray;
        if (!string.IsNullOrEmpty(ip) && ips is not { Count: > 0 })
            spec["clusterIPs"] = new JsonArray(ip);
        else if (string.IsNullOrEmpty(ip) && ips is { Count: > 0 } && Text(ips[0]) is { Length: > 0 } first)
            spec["clusterIP"] = first;
    }

    private static JsonObject Spec(JsonObject obj)
    {
        if (obj["spec"] is JsonObject spec)
            return spec;
        spec = [];
        obj["spec"] = spec;
        return spec;
    }

    internal static string TypeOf(JsonObject spec) => Text(spec["type"]) is { Length: > 0 } type ? type : "ClusterIP";

    internal static bool NeedsClusterIP(JsonObject spec) => TypeOf(spec) != "ExternalName";

    private static bool NeedsNodePorts(JsonObject spec) => TypeOf(spec) is "NodePort" or "LoadBalancer";

    private static bool NeedsHealthCheckNodePort(JsonObject spec) =>
        TypeOf(spec) == "LoadBalancer" && Text(spec["externalTrafficPolicy"]) == "Local";

    /// <summary>The allocatable cluster IPs (not "None").</summary>
    internal static List<string> ClusterIPs(JsonObject spec)
    {
        var result = (spec["clusterIPs"] as JsonArray ?? []).Select(Text).OfType<string>().Where(ip => ip.Length > 0).ToList();
        if (result.Count == 0 && Text(spec["clusterIP"]) is { Length: > 0 } ip)
            result.Add(ip);
        return result.Where(ip => ip != "None").ToList();
    }

    internal static List<long> NodePorts(JsonObject spec) =>
        (spec["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => Number(p["nodePort"])).OfType<long>().Where(p => p > 0).Distinct().ToList();

    internal static long? HealthCheckNodePort(JsonObject spec) => Number(spec["healthCheckNodePort"]) is > 0 and var port ? port : null;

    private static bool SameJson(JsonObject a, JsonObject b, string property) => JsonNode.DeepEquals(a[property], b[property]);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A whole number, whether parsed (an element) or set here (an int value, which does not convert to long by itself).</summary>
    private static long? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
            return null;
        if (value.TryGetValue<long>(out var l))
            return l;
        if (value.TryGetValue<int>(out var i))
            return i;
        return null;
    }

    private static string Namespace(JsonObject obj) => Text(obj["metadata"]?["namespace"]) ?? "";

    private static string Name(JsonObject obj) => Text(obj["metadata"]?["name"]) ?? "";

    /// <summary>What one write has claimed, to give back if the write does not happen.</summary>
    private sealed class Claims(ServiceAllocators allocators, string ns, string name, bool dryRun)
    {
        private readonly List<(RangeAllocator Allocator, long Offset)> _claimed = [];

        public async Task<bool> ClaimAsync(RangeAllocator allocator, long offset, CancellationToken cancellationToken)
        {
            if (!await allocator.TryClaimAsync(offset, Record(allocator, offset), dryRun, cancellationToken))
                return false;
            _claimed.Add((allocator, offset));
            return true;
        }

        public async Task<long?> ClaimAnyAsync(RangeAllocator allocator, CancellationToken cancellationToken)
        {
            var offset = await allocator.ClaimAnyAsync(o => Record(allocator, o), dryRun, cancellationToken);
            if (offset is { } claimed)
                _claimed.Add((allocator, claimed));
            return offset;
        }

        public async ValueTask RollbackAsync()
        {
            if (dryRun)
                return;
            foreach (var (allocator, offset) in _claimed)
                await allocator.ReleaseAsync(offset, record => ServiceAllocators.IsParent(record, ns, name), CancellationToken.None);
            _claimed.Clear();
        }

        private JsonObject Record(RangeAllocator allocator, long offset) => ReferenceEquals(allocator, allocators.ClusterIPs)
            ? allocators.IPAddressRecord(allocator.NameOf(offset), ns, name)
            : allocators.NodePortRecord(offset, ns, name);
    }
}
