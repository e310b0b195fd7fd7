using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using CoreEndpoints = Kubelike.Api.Core.V1.Endpoints;

namespace Kubelike.Controllers.Endpoints;

/// <summary>
/// Keeps the Endpoints object of each Service with a selector: the IPs of the matching pods, ready ones under
/// addresses and the others under notReadyAddresses (all under addresses with publishNotReadyAddresses), per port
/// set the pods resolve the service's ports to (a named targetPort is looked up in each pod's containers). At most
/// <see cref="MaxAddresses"/> addresses, marked with the over-capacity annotation when cut, as upstream. Services
/// without a selector are left alone; a deleted service's Endpoints are deleted.
/// </summary>
public sealed class EndpointsController : Reconciler
{
    public const int MaxAddresses = 1000;
    public const string OverCapacity = "endpoints.kubernetes.io/over-capacity";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<Service> _services;
    private readonly SharedInformer<Pod> _pods;
    private readonly SharedInformer<CoreEndpoints> _endpoints;

    public EndpointsController(KubernetesClient client, SharedInformerFactory informers, ILogger<EndpointsController> logger)
        : base(logger)
    {
        _client = client;
        _services = informers.GetInformer<Service>();
        _pods = informers.GetInformer<Pod>();
        _endpoints = informers.GetInformer<CoreEndpoints>();
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
        _endpoints.AddEventHandler(new ResourceEventHandler<CoreEndpoints>
        {
            // Someone else changed or deleted them: put them back as they should be.
            Updated = (_, e) => Enqueue(e),
            Deleted = (e, _) => Enqueue(e),
        });
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
        var parts = key.Split('/', 2);
        var (ns, name) = (parts[0], parts[1]);
        var service = _services.Cache.Get(key);
        var existing = _endpoints.Cache.Get(key);
        if (service is null)
        {
            if (existing is not null)
            {
                try
                {
                    await _client.Resource<CoreEndpoints>().DeleteAsync(name, ns, cancellationToken: cancellationToken);
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                }
            }
            return;
        }
        if (!ServicePods.HasSelector(service) || service.Spec?.Type == "ExternalName")
            return;

        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var pods = ServicePods.Selected(service, _pods.Cache).Where(p => ServicePods.ShouldBeEndpoint(p, publishNotReady)).ToList();
        var subsets = new Dictionary<string, (List<EndpointPort> Ports, List<EndpointAddress> Ready, List<EndpointAddress> NotReady)>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var address = new EndpointAddress
            {
                Ip = pod.Status!.PodIP,
                NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
                TargetRef = ServicePods.TargetRef(pod),
                Hostname = ServicePods.Hostname(pod, service),
            };
            var ports = new List<EndpointPort>();
            foreach (var servicePort in service.Spec?.Ports ?? [])
            {
                if (ServicePods.TargetPort(pod, servicePort) is { } port)
                    ports.Add(new EndpointPort { Name = string.IsNullOrEmpty(servicePort.Name) ? null : servicePort.Name, Port = port, Protocol = servicePort.Protocol ?? "TCP", AppProtocol = servicePort.AppProtocol });
            }
            // A pod none of whose ports resolve is left out, unless the service has no ports at all (headless).
            if (ports.Count == 0 && (service.Spec?.Ports?.Count ?? 0) > 0)
                continue;
            ports.Sort((a, b) => string.CompareOrdinal(PortKey(a), PortKey(b)));
            var setKey = string.Join(",", ports.Select(PortKey));
            if (!subsets.TryGetValue(setKey, out var subset))
                subsets[setKey] = subset = (ports, [], []);
            if (publishNotReady || ServicePods.IsReady(pod))
                subset.Ready.Add(address);
            else
                subset.NotReady.Add(address);
        }

        var total = 0;
        var truncated = false;
        var result = new List<EndpointSubset>();
        foreach (var (_, (ports, ready, notReady)) in subsets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            ready.Sort(CompareAddresses);
            notReady.Sort(CompareAddresses);
            result.Add(new EndpointSubset { Ports = ports.Count == 0 ? null : ports, Addresses = ready.Count == 0 ? null : ready, NotReadyAddresses = notReady.Count == 0 ? null : notReady });
            total += ready.Count + notReady.Count;
        }
        if (total > MaxAddresses)
        {
            // Keep ready addresses first, then not-ready ones, up to the limit.
            truncated = true;
            var room = MaxAddresses;
            foreach (var subset in result)
                subset.Addresses = Take(subset.Addresses, ref room);
            foreach (var subset in result)
                subset.NotReadyAddresses = Take(subset.NotReadyAddresses, ref room);
            result.RemoveAll(s => s.Addresses is null && s.NotReadyAddresses is null);
        }

        var labels = new Dictionary<string, string>(service.Metadata?.Labels ?? new Dictionary<string, string>());
        if (service.Spec?.ClusterIP == "None")
            labels[ServicePods.HeadlessLabel] = "";
        else
            labels.Remove(ServicePods.HeadlessLabel);
        var wanted = new CoreEndpoints
        {
            ApiVersion = "v1",
            Kind = "Endpoints",
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
            Subsets = result.Count == 0 ? null : result,
        };
        if (existing is not null && SameSubsets(existing.Subsets, wanted.Subsets) && SameLabels(existing.Metadata?.Labels, labels)
            && existing.Metadata?.Annotations?.ContainsKey(OverCapacity) == truncated)
        {
            return;
        }

        var annotations = new Dictionary<string, string>(existing?.Metadata?.Annotations ?? new Dictionary<string, string>());
        if (ServicePods.TriggerTime(service, pods) is { } trigger)
            annotations[ServicePods.LastChangeTriggerTime] = trigger;
        if (truncated)
            annotations[OverCapacity] = "truncated";
        else
            annotations.Remove(OverCapacity);
        wanted.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
        var client = _client.Resource<CoreEndpoints>();
        if (existing is null)
        {
            try
            {
                await client.CreateAsync(wanted, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Our cache is behind: the update event brings us back here.
                Queue.AddRateLimited(key);
            }
            return;
        }
        wanted.Metadata.ResourceVersion = existing.Metadata?.ResourceVersion;
        wanted.Metadata.Uid = existing.Metadata?.Uid;
        wanted.Metadata.CreationTimestamp = existing.Metadata?.CreationTimestamp;
        wanted.Metadata.OwnerReferences = existing.Metadata?.OwnerReferences;
        wanted.Metadata.Finalizers = existing.Metadata?.Finalizers;
        await client.UpdateAsync(wanted, cancellationToken: cancellationToken);
    }

    private static List<EndpointAddress>? Take(IList<EndpointAddress>? addresses, ref int room)
    {
        if (addresses is null)
            return null;
        var kept = addresses.Take(room).ToList();
        room -= kept.Count;
        return kept.Count == 0 ? null : kept;
    }

    private static string PortKey(EndpointPort port) => $"{port.Name}/{port.Protocol}/{port.Port}";

    private static int CompareAddresses(EndpointAddress a, EndpointAddress b)
    {
        var c = string.CompareOrdinal(a.Ip, b.Ip);
        return c != 0 ? c : string.CompareOrdinal(a.TargetRef?.Uid, b.TargetRef?.Uid);
    }

    private static bool SameSubsets(IList<EndpointSubset>? a, IList<EndpointSubset>? b) =>
        Api.KubernetesJson.Serialize(a ?? []) == Api.KubernetesJson.Serialize(b ?? []);

    private static bool SameLabels(IDictionary<string, string>? a, Dictionary<string, string> b) =>
        (a?.Count ?? 0) == b.Count && b.All(l => a!.TryGetValue(l.Key, out var v) && v == l.Value);
}
