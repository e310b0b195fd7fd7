using Kubelike.Api.Core.V1;
using Kubelike.Api.Discovery.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Endpoints;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using DiscoveryEndpoint = Kubelike.Api.Discovery.V1.Endpoint;
using DiscoveryEndpointPort = Kubelike.Api.Discovery.V1.EndpointPort;

namespace Kubelike.Controllers.EndpointSlices;

/// <summary>
/// Keeps the EndpointSlices of each Service with a selector: one endpoint per matching pod with an IP (ready, serving
/// and terminating conditions; terminating pods stay in as serving-or-not, not ready), grouped by the port set the
/// pods resolve the service's ports to, at most <see cref="MaxEndpointsPerSlice"/> per slice. Slices carry the
/// <c>kubernetes.io/service-name</c> and managed-by labels and a controller reference to the service (so the garbage
/// collector removes them with it). Endpoints stay in the slice they are in while they live, so a change rewrites
/// only the slices it touches; a service with no endpoints has one empty placeholder slice, as upstream.
/// </summary>
public sealed class EndpointSliceController : Reconciler
{
    public const int MaxEndpointsPerSlice = 100;
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ControllerName = "endpointslice-controller.k8s.io";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<Service> _services;
    private readonly SharedInformer<Pod> _pods;
    private readonly SharedInformer<EndpointSlice> _slices;
    private readonly EndpointSliceTracker _tracker = new();

    public EndpointSliceController(KubernetesClient client, SharedInformerFactory informers, ILogger<EndpointSliceController> logger)
        : base(logger)
    {
        _client = client;
        _services = informers.GetInformer<Service>();
        _pods = informers.GetInformer<Pod>();
        _slices = informers.GetInformer<EndpointSlice>();
        _slices.Cache.AddIndexer(ServiceNameLabel, s => s.Metadata?.Labels is { } labels && labels.TryGetValue(ManagedByLabel, out var by) && by == ControllerName
            && labels.TryGetValue(ServiceNameLabel, out var service) ? [$"{s.Metadata.Namespace}/{service}"] : []);
        _services.AddEventHandler(new ResourceEventHandler<Service>
        {
            Added = (s, _) => Enqueue(s),
            Updated = (_, s) => Enqueue(s),
            Deleted = (s, _) => Enqueue(s),
        });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (p, _) => EnqueueServicesOf(p, null),
            Updated = (old, p) => EnqueueServicesOf(p, old),
            Deleted = (p, _) => EnqueueServicesOf(p, null),
        });
        _slices.AddEventHandler(new ResourceEventHandler<EndpointSlice>
        {
            // Our own writes arriving in the cache release a service that waits for them.
            Added = (s, _) => EnqueueOwner(s),
            Updated = (_, s) => EnqueueOwner(s),
            Deleted = (s, _) => EnqueueOwner(s),
        });
    }

    private void EnqueueOwner(EndpointSlice slice)
    {
        if (slice.Metadata?.Labels is { } labels && labels.TryGetValue(ManagedByLabel, out var by) && by == ControllerName
            && labels.TryGetValue(ServiceNameLabel, out var service))
        {
            Queue.Add($"{slice.Metadata.Namespace}/{service}");
        }
    }

    private void EnqueueServicesOf(Pod pod, Pod? old)
    {
        foreach (var service in _services.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
        {
            if (ServicePods.Matches(service.Spec?.Selector, pod.Metadata?.Labels) || (old is not null && ServicePods.Matches(service.Spec?.Selector, old.Metadata?.Labels)))
                Enqueue(service);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var service = _services.Cache.Get(key);
        var ns = key.Split('/', 2)[0];
        if (!_tracker.CacheIsCurrent(key, ns, _slices.Cache))
        {
            // The cache does not show our last writes yet; their events bring the service back (the delay is a backstop).
            Queue.AddAfter(key, TimeSpan.FromSeconds(1));
            return;
        }
        var existing = _slices.Cache.ByIndex(ServiceNameLabel, key).ToList();
        if (service is null)
        {
            // Upstream leaves this to the garbage collector through the owner reference; deleting them here does not
            // depend on the collector knowing EndpointSlices.
            await DeleteAsync(key, existing, cancellationToken);
            _tracker.Forget(key);
            return;
        }
        if (!ServicePods.HasSelector(service) || service.Spec?.Type == "ExternalName")
            return;
        if (existing.Any(s => s.Metadata?.OwnerReferences?.Any(o => o.Controller == true && o.Uid != service.Metadata?.Uid) == true))
        {
            // Slices of an earlier service of the same name, not yet collected: leave them to the garbage collector.
            existing = existing.Where(s => s.Metadata?.OwnerReferences?.Any(o => o.Controller == true && o.Uid == service.Metadata?.Uid) == true).ToList();
        }

        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var pods = ServicePods.Selected(service, _pods.Cache).Where(p => ServicePods.ShouldBeEndpoint(p, includeTerminating: true)).ToList();
        var groups = new Dictionary<string, (List<DiscoveryEndpointPort> Ports, Dictionary<string, DiscoveryEndpoint> Endpoints)>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var ports = new List<DiscoveryEndpointPort>();
            foreach (var servicePort in service.Spec?.Ports ?? [])
            {
                if (ServicePods.TargetPort(pod, servicePort) is { } port)
                    ports.Add(new DiscoveryEndpointPort { Name = servicePort.Name ?? "", Port = port, Protocol = servicePort.Protocol ?? "TCP", AppProtocol = servicePort.AppProtocol });
            }
            if (ports.Count == 0 && (service.Spec?.Ports?.Count ?? 0) > 0)
                continue;
            ports.Sort((a, b) => string.CompareOrdinal(PortKey(a), PortKey(b)));
            var setKey = PortSetKey(ports);
            if (!groups.TryGetValue(setKey, out var group))
                groups[setKey] = group = (ports, new Dictionary<string, DiscoveryEndpoint>(StringComparer.Ordinal));
            var terminating = ServicePods.IsTerminating(pod);
            var ready = ServicePods.IsReady(pod);
            group.Endpoints[pod.Metadata!.Uid ?? pod.Metadata.Name!] = new DiscoveryEndpoint
            {
                Addresses = [pod.Status!.PodIP!],
                Conditions = new EndpointConditions { Ready = publishNotReady || (ready && !terminating), Serving = ready, Terminating = terminating },
                NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
                TargetRef = ServicePods.TargetRef(pod),
                Hostname = ServicePods.Hostname(pod, service),
            };
        }

        var trigger = ServicePods.TriggerTime(service, pods);
        var slices = _client.Resource<EndpointSlice>();
        var unused = new List<EndpointSlice>();
        var writes = new List<EndpointSlice>();
        foreach (var (setKey, (ports, wanted)) in groups)
        {
            // Slices of this port set keep the endpoints they hold that still exist; new endpoints fill free room.
            var mine = existing.Where(s => PortSetKey(s.Ports) == setKey).ToList();
            var placed = new HashSet<string>(StringComparer.Ordinal);
            var plans = new List<(EndpointSlice? Slice, List<DiscoveryEndpoint> Endpoints)>();
            foreach (var slice in mine)
            {
                var kept = new List<DiscoveryEndpoint>();
                foreach (var endpoint in slice.Endpoints ?? [])
                {
                    var id = endpoint.TargetRef?.Uid ?? endpoint.TargetRef?.Name ?? "";
                    if (wanted.TryGetValue(id, out var now) && placed.Add(id) && kept.Count < MaxEndpointsPerSlice)
                        kept.Add(now);
                }
                plans.Add((slice, kept));
            }
            var fresh = new Queue<DiscoveryEndpoint>(wanted.Where(w => !placed.Contains(w.Key)).OrderBy(w => w.Value.Addresses![0], StringComparer.Ordinal).Select(w => w.Value));
            foreach (var plan in plans)
            {
                while (plan.Endpoints.Count < MaxEndpointsPerSlice && fresh.Count > 0)
                    plan.Endpoints.Add(fresh.Dequeue());
            }
            while (fresh.Count > 0)
            {
                var endpoints = new List<DiscoveryEndpoint>();
                while (endpoints.Count < MaxEndpointsPerSlice && fresh.Count > 0)
                    endpoints.Add(fresh.Dequeue());
                plans.Add((null, endpoints));
            }
            foreach (var (slice, endpoints) in plans)
            {
                if (endpoints.Count == 0 && slice is not null)
                {
                    unused.Add(slice);
                    continue;
                }
                if (slice is not null && Same(slice.Endpoints, endpoints) && SameMeta(slice, service))
                    continue;
                writes.Add(Build(service, slice, ports, endpoints, trigger));
            }
        }
        unused.AddRange(existing.Where(s => !groups.ContainsKey(PortSetKey(s.Ports))));

        if (groups.Count == 0)
        {
            // No endpoints: one empty placeholder slice (an existing empty one is kept).
            var placeholder = unused.FirstOrDefault(s => (s.Endpoints?.Count ?? 0) == 0 && (s.Ports?.Count ?? 0) == 0);
            if (placeholder is not null)
                unused.Remove(placeholder);
            if (placeholder is null || !SameMeta(placeholder, service))
                writes.Add(Build(service, placeholder, [], [], trigger));
        }

        foreach (var slice in writes)
        {
            var written = slice.Metadata?.ResourceVersion is null
                ? await slices.CreateAsync(slice, cancellationToken: cancellationToken)
                : await slices.UpdateAsync(slice, cancellationToken: cancellationToken);
            _tracker.Wrote(key, written);
        }
        await DeleteAsync(key, unused, cancellationToken);
    }

    private async Task DeleteAsync(string key, IEnumerable<EndpointSlice> unused, CancellationToken cancellationToken)
    {
        foreach (var slice in unused)
        {
            try
            {
                await _client.Resource<EndpointSlice>().DeleteAsync(slice.Metadata!.Name!, slice.Metadata.Namespace, cancellationToken: cancellationToken);
                _tracker.Deleted(key, slice.Metadata.Name!);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
            }
        }
    }

    private static EndpointSlice Build(Service service, EndpointSlice? existing, List<DiscoveryEndpointPort> ports, List<DiscoveryEndpoint> endpoints, string? trigger)
    {
        var metadata = existing is null
            ? new ObjectMeta { GenerateName = service.Metadata!.Name + "-", Namespace = service.Metadata.Namespace }
            : Owners.Clone(existing.Metadata!);
        metadata.Labels = Labels(service);
        metadata.OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "Service", Name = service.Metadata!.Name, Uid = service.Metadata.Uid, Controller = true, BlockOwnerDeletion = true }];
        var annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>());
        if (trigger is not null)
            annotations[ServicePods.LastChangeTriggerTime] = trigger;
        metadata.Annotations = annotations.Count == 0 ? null : annotations;
        return new EndpointSlice
        {
            ApiVersion = "discovery.k8s.io/v1",
            Kind = "EndpointSlice",
            Metadata = metadata,
            AddressType = "IPv4",
            Endpoints = endpoints,
            Ports = ports,
        };
    }

    /// <summary>The service's labels plus the slice's own: service name, managed-by, headless.</summary>
    private static Dictionary<string, string> Labels(Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            [ServiceNameLabel] = service.Metadata!.Name!,
            [ManagedByLabel] = ControllerName,
        };
        if (service.Spec?.ClusterIP == "None")
            labels[ServicePods.HeadlessLabel] = "";
        else
            labels.Remove(ServicePods.HeadlessLabel);
        return labels;
    }

    private static bool SameMeta(EndpointSlice slice, Service service)
    {
        var wanted = Labels(service);
        var labels = slice.Metadata?.Labels ?? new Dictionary<string, string>();
        return labels.Count == wanted.Count && wanted.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);
    }

    private static bool Same(IList<DiscoveryEndpoint>? a, List<DiscoveryEndpoint> b) =>
        Api.KubernetesJson.Serialize(a ?? []) == Api.KubernetesJson.Serialize(b);

    private static string PortKey(DiscoveryEndpointPort port) => $"{port.Name}/{port.Protocol}/{port.Port}";

    private static string PortSetKey(IEnumerable<DiscoveryEndpointPort>? ports) =>
        string.Join(",", (ports ?? []).Select(PortKey).Order(StringComparer.Ordinal));
}
