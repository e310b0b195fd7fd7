using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// Upstream's repair loops for cluster IPs and node ports: an allocation whose Service is gone or no longer uses it (a
/// server crashed between allocating and storing, or between deleting and releasing) is released once it is older
/// than <see cref="Grace"/>, so it cannot be a create still in flight; a value a Service uses without an allocation
/// is allocated to it. Every server runs it; each change is conditional, so they do not fight.
/// </summary>
public sealed class ServiceAllocationRepair(IServiceProvider services, ResourceRegistry registry, TimeProvider time, ILogger<ServiceAllocationRepair> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not at construction: the store opens in an earlier hosted service's StartAsync.
        var store = services.GetRequiredService<IObjectStore>();
        var allocators = services.GetRequiredService<ServiceAllocators>();
        var resource = registry.Find("", "v1", "services")!.StorageResource;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval + TimeSpan.FromSeconds(Random.Shared.Next(10)), time, stoppingToken);
                await RepairAsync(store, allocators, resource, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StorageException or System.Text.Json.JsonException or InvalidOperationException)
            {
                logger.LogWarning("service allocation repair: {Reason}", e.Message);
            }
        }
    }

    /// <summary>One pass; public so a test host could run it, the loop calls it every <see cref="Interval"/>.</summary>
    public async Task RepairAsync(IObjectStore store, ServiceAllocators allocators, string serviceResource, CancellationToken cancellationToken)
    {
        var servicesNow = await ListServicesAsync(store, serviceResource, cancellationToken);
        var ips = await allocators.ClusterIPs.ListAsync(cancellationToken);
        var ports = await allocators.NodePorts.ListAsync(cancellationToken);
        var now = time.GetUtcNow();

        async Task<JsonObject?> CurrentSpecAsync((string Namespace, string Name) parent)
        {
            var stored = await store.GetAsync(new ObjectKey(serviceResource, parent.Namespace, parent.Name), cancellationToken);
            return stored is null ? null : (JsonNode.Parse(stored.Value.Span) as JsonObject)?["spec"] as JsonObject;
        }

        foreach (var (name, record, revision) in ips)
        {
            var parent = ServiceAllocators.Parent(record);
            if (parent is { } p && servicesNow.TryGetValue(p, out var spec) && ServiceRegistryHooks.ClusterIPs(spec).Contains(name))
                continue;
            if (ServiceAllocators.Created(record) is { } created && now - created < Grace)
                continue;
            if (parent is { } again && await CurrentSpecAsync(again) is { } current && ServiceRegistryHooks.ClusterIPs(current).Contains(name))
                continue;
            if (await allocators.ClusterIPs.DeleteAsync(name, revision, cancellationToken))
                logger.LogWarning("released leaked cluster IP {IP} (no service uses it)", name);
        }

        foreach (var (name, record, revision) in ports)
        {
            var parent = ServiceAllocators.Parent(record);
            if (parent is { } p && servicesNow.TryGetValue(p, out var spec) && UsesPort(spec, name))
                continue;
            if (ServiceAllocators.Created(record) is { } created && now - created < Grace)
                continue;
            if (parent is { } again && await CurrentSpecAsync(again) is { } current && UsesPort(current, name))
                continue;
            if (await allocators.NodePorts.DeleteAsync(name, revision, cancellationToken))
                logger.LogWarning("released leaked node port {Port} (no service uses it)", name);
        }

        // Values in use without an allocation (written before allocation existed, or by a crashed server): claim them.
        var ipNames = ips.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var portNames = ports.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var ((ns, name), spec) in servicesNow)
        {
            foreach (var ip in ServiceRegistryHooks.NeedsClusterIP(spec) ? ServiceRegistryHooks.ClusterIPs(spec) : [])
            {
                if (!ipNames.Contains(ip) && allocators.ClusterIPOffset(ip) is { } offset
                    && await allocators.ClusterIPs.TryClaimAsync(offset, allocators.IPAddressRecord(ip, ns, name), false, cancellationToken))
                {
                    logger.LogWarning("allocated cluster IP {IP} that service {Namespace}/{Name} used without an allocation", ip, ns, name);
                }
            }
            var used = ServiceRegistryHooks.NodePorts(spec);
            if (ServiceRegistryHooks.HealthCheckNodePort(spec) is { } hc)
                used.Add(hc);
            foreach (var port in used)
            {
                if (!portNames.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture)) && allocators.NodePortOffset(port) is { } offset
                    && await allocators.NodePorts.TryClaimAsync(offset, allocators.NodePortRecord(offset, ns, name), false, cancellationToken))
                {
                    logger.LogWarning("allocated node port {Port} that service {Namespace}/{Name} used without an allocation", port, ns, name);
                }
            }
        }
    }

    private static bool UsesPort(JsonObject spec, string port)
    {
        var used = ServiceRegistryHooks.NodePorts(spec);
        if (ServiceRegistryHooks.HealthCheckNodePort(spec) is { } hc)
            used.Add(hc);
        return used.Any(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture) == port);
    }

    private static async Task<Dictionary<(string, string), JsonObject>> ListServicesAsync(IObjectStore store, string resource, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), JsonObject>();
        string? next = null;
        do
        {
            var page = await store.ListAsync(new ListRequest(resource, null, 1000, next), cancellationToken);
            foreach (var item in page.Items)
            {
                if (JsonNode.Parse(item.Value.Span) is JsonObject obj)
                    result[(item.Key.Namespace, item.Key.Name)] = obj["spec"] as JsonObject ?? [];
            }
            next = page.Continue;
        }
        while (!string.IsNullOrEmpty(next));
        return result;
    }
}
