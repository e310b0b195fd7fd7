using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Hosting;
using Kubelike.ApiServer.Resources;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// The <c>kubernetes</c> Service in <c>default</c> (the first IP of the service range, port 443 to the secure port) and its
/// Endpoints and EndpointSlice, listing every live API server, as upstream's lease endpoint reconciler keeps them: each
/// server renews a lease of its own (address and port, with an expiry) every <see cref="Interval"/>, and writes the
/// endpoints from the unexpired leases; on shutdown it removes its lease and itself from the endpoints.
/// </summary>
public sealed class KubernetesServiceReconciler(
    IServiceProvider services, ApiServerOptions options, ResourceRegistry registry, TimeProvider time, ILogger<KubernetesServiceReconciler> logger) : BackgroundService
{
    public const string ServiceName = "kubernetes";
    private const string LeaseResource = "kubelike-apiserver-leases";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    private readonly string _address = AdvertiseAddress(options.BindAddress).ToString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = services.GetRequiredService<IObjectStore>();
        var allocators = services.GetRequiredService<ServiceAllocators>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureServiceAsync(store, allocators, stoppingToken);
                await RenewLeaseAsync(store, stoppingToken);
                await WriteEndpointsAsync(store, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is StorageException or ApiException or JsonException)
            {
                logger.LogWarning("kubernetes service: {Reason}", e.Message);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Leave the endpoints before going, so clients stop being sent here.
            var store = services.GetRequiredService<IObjectStore>();
            var key = new ObjectKey(LeaseResource, "", LeaseName);
            if (await store.GetAsync(key, cancellationToken) is not null)
                await store.DeleteAsync(key, null, cancellationToken);
            await WriteEndpointsAsync(store, cancellationToken);
        }
        catch (Exception e) when (e is StorageException or ApiException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogDebug("kubernetes service: could not remove this server's endpoint: {Reason}", e.Message);
        }
    }

    private string LeaseName => $"{_address}:{options.SecurePort.ToString(CultureInfo.InvariantCulture)}";

    private async Task EnsureServiceAsync(IObjectStore store, ServiceAllocators allocators, CancellationToken cancellationToken)
    {
        var servicesStore = new ResourceStore(store, registry.Find("", "v1", "services")!);
        if (await servicesStore.GetAsync("default", ServiceName, cancellationToken) is not null)
            return;
        var ip = allocators.Network.KubernetesServiceIP.ToString();
        if (!await allocators.ClusterIPs.TryClaimAsync(0, allocators.IPAddressRecord(ip, "default", ServiceName), false, cancellationToken))
        {
            var held = (await allocators.ClusterIPs.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == ip);
            if (held.Record is not null && !ServiceAllocators.IsParent(held.Record, "default", ServiceName))
            {
                logger.LogError("cannot create the kubernetes service: its address {IP} is allocated to another service", ip);
                return;
            }
        }
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = Metadata(ServiceName, new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" }),
            ["spec"] = new JsonObject
            {
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["protocol"] = "TCP", ["port"] = 443, ["targetPort"] = options.SecurePort }),
                ["clusterIP"] = ip,
                ["clusterIPs"] = new JsonArray(ip),
                ["type"] = "ClusterIP",
                ["sessionAffinity"] = "None",
                ["ipFamilies"] = new JsonArray("IPv4"),
                ["ipFamilyPolicy"] = "SingleStack",
                ["internalTrafficPolicy"] = "Cluster",
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        };
        service["metadata"]!["generation"] = 1;
        try
        {
            await servicesStore.CreateAsync(service, cancellationToken);
            logger.LogInformation("created the kubernetes service ({IP}:443 → port {Port})", ip, options.SecurePort);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            // Another server created it at the same moment.
        }
    }

    private async Task RenewLeaseAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(LeaseResource, "", LeaseName);
        var value = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["ip"] = _address,
            ["port"] = options.SecurePort,
            ["expires"] = (time.GetUtcNow() + LeaseDuration).ToUnixTimeMilliseconds(),
        });
        try
        {
            await store.UpdateAsync(key, value, null, cancellationToken);
        }
        catch (StorageException e) when (e.Code == StorageErrorCode.NotFound)
        {
            await store.CreateAsync(key, value, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Endpoints and EndpointSlice of the kubernetes service from the live leases (grouped by port: one subset, one slice each).</summary>
    private async Task WriteEndpointsAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var live = new List<(string Ip, int Port)>();
        foreach (var item in (await store.ListAsync(new ListRequest(LeaseResource), cancellationToken)).Items)
        {
            if (JsonNode.Parse(item.Value.Span) is not JsonObject lease)
                continue;
            if (lease["expires"]?.GetValue<long>() < now)
            {
                // Expired: the server is gone without saying so. Remove it (conditionally: it may be renewing right now).
                try
                {
                    await store.DeleteAsync(item.Key, new DeletePreconditions(Revision: item.Revision), cancellationToken);
                }
                catch (StorageException e) when (e.Code is StorageErrorCode.NotFound or StorageErrorCode.Conflict or StorageErrorCode.PreconditionFailed)
                {
                }
                continue;
            }
            live.Add((lease["ip"]!.GetValue<string>(), lease["port"]!.GetValue<int>()));
        }
        var groups = live.Distinct().GroupBy(l => l.Port).OrderBy(g => g.Key).ToList();
        var subsets = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray([.. g.Select(l => l.Ip).Order(StringComparer.Ordinal).Select(ip => (JsonNode)new JsonObject { ["ip"] = ip })]),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = g.Key, ["protocol"] = "TCP" }),
        })]);
        await UpsertAsync(store, registry.Find("", "v1", "endpoints")!, ServiceName, "subsets", subsets.Count == 0 ? null : subsets,
            new JsonObject { ["endpointslice.kubernetes.io/skip-mirror"] = "true" }, null, cancellationToken);

        var slices = registry.Find("discovery.k8s.io", "v1", "endpointslices")!;
        for (var i = 0; i < Math.Max(1, groups.Count); i++)
        {
            var group = i < groups.Count ? groups[i] : null;
            var name = i == 0 ? ServiceName : $"{ServiceName}-{group!.Key.ToString(CultureInfo.InvariantCulture)}";
            var endpoints = new JsonArray([.. (group?.Select(l => l.Ip).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>()).Select(ip => (JsonNode)new JsonObject
            {
                ["addresses"] = new JsonArray(ip),
                ["conditions"] = new JsonObject { ["ready"] = true },
            })]);
            var ports = group is null ? null : new JsonArray(new JsonObject { ["name"] = "https", ["protocol"] = "TCP", ["port"] = group.Key });
            await UpsertAsync(store, slices, name, "endpoints", endpoints, new JsonObject { ["kubernetes.io/service-name"] = ServiceName },
                obj =>
                {
                    obj["addressType"] = "IPv4";
                    obj["ports"] = ports;
                }, cancellationToken);
        }
    }

    /// <summary>Creates or updates (conditionally) default/<paramref name="name"/> so that <paramref name="field"/> holds <paramref name="value"/>.</summary>
    private async Task UpsertAsync(IObjectStore store, ResourceDefinition resource, string name, string field, JsonNode? value, JsonObject labels,
        Action<JsonObject>? extra, CancellationToken cancellationToken)
    {
        var objects = new ResourceStore(store, resource);
        var existing = await objects.GetAsync("default", name, cancellationToken);
        var obj = existing is { } found ? (JsonObject)found.Object.DeepClone() : new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Kind,
            ["metadata"] = Metadata(name, labels),
        };
        if (value is null)
            obj.Remove(field);
        else
            obj[field] = value;
        extra?.Invoke(obj);
        if (existing is { } before)
        {
            if (JsonNode.DeepEquals(obj, before.Object))
                return;
            await objects.UpdateAsync(obj, before.Revision, cancellationToken);
            return;
        }
        try
        {
            await objects.CreateAsync(obj, cancellationToken);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            // Another server wrote it first; the next round compares with theirs.
        }
    }

    private JsonObject Metadata(string name, JsonObject labels) => new()
    {
        ["name"] = name,
        ["namespace"] = "default",
        ["uid"] = Guid.NewGuid().ToString(),
        ["creationTimestamp"] = ObjectMeta.FormatTime(time.GetUtcNow()),
        ["labels"] = labels,
    };

    /// <summary>The address other clients reach this server at: the bind address, or for a wildcard the first non-loopback IPv4 address.</summary>
    private static IPAddress AdvertiseAddress(IPAddress bind)
    {
        if (!bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any))
            return bind;
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
        }
        catch (NetworkInformationException)
        {
            return IPAddress.Loopback;
        }
    }
}
