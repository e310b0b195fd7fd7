using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.LoadBalancers;

/// <summary>
/// The load balancer of a small distribution (k3s's servicelb, in spirit): a Service of type LoadBalancer (without a
/// loadBalancerClass, which names another implementation) gets the InternalIP addresses of the Ready nodes as its
/// status.loadBalancer.ingress, since every node forwards its node ports; a service that stops being one loses them.
/// </summary>
public sealed class LoadBalancerController : Reconciler
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<Service> _services;
    private readonly SharedInformer<Node> _nodes;

    public LoadBalancerController(KubernetesClient client, SharedInformerFactory informers, ILogger<LoadBalancerController> logger)
        : base(logger)
    {
        _client = client;
        _services = informers.GetInformer<Service>();
        _nodes = informers.GetInformer<Node>();
        _services.AddEventHandler(new ResourceEventHandler<Service>
        {
            Added = (s, _) => Enqueue(s),
            Updated = (_, s) => Enqueue(s),
        });
        _nodes.AddEventHandler(new ResourceEventHandler<Node>
        {
            Added = (n, _) => EnqueueAll(),
            Updated = (old, n) =>
            {
                if (Addresses([old]).SequenceEqual(Addresses([n])))
                    return;
                EnqueueAll();
            },
            Deleted = (n, _) => EnqueueAll(),
        });
    }

    private void EnqueueAll()
    {
        foreach (var service in _services.Cache.List())
        {
            if (service.Spec?.Type == "LoadBalancer")
                Enqueue(service);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var service = _services.Cache.Get(key);
        if (service is null)
            return;
        var current = service.Status?.LoadBalancer?.Ingress ?? [];
        List<LoadBalancerIngress> wanted;
        if (service.Spec?.Type == "LoadBalancer")
        {
            if (!string.IsNullOrEmpty(service.Spec.LoadBalancerClass))
                return;
            wanted = [.. Addresses(_nodes.Cache.List()).Select(ip => new LoadBalancerIngress { Ip = ip, IpMode = "VIP" })];
        }
        else
        {
            wanted = [];
        }
        if (current.Select(i => i.Ip).SequenceEqual(wanted.Select(i => i.Ip)) && current.All(i => string.IsNullOrEmpty(i.Hostname)))
            return;
        var updated = Owners.Clone(service);
        updated.Status ??= new ServiceStatus();
        updated.Status.LoadBalancer = new LoadBalancerStatus { Ingress = wanted.Count == 0 ? null : wanted };
        try
        {
            await _client.Resource<Service>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
        }
    }

    /// <summary>The InternalIP addresses of the Ready nodes (of all nodes when none is Ready yet), sorted.</summary>
    private static List<string> Addresses(IEnumerable<Node> nodes)
    {
        var all = nodes.ToList();
        var ready = all.Where(n => n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true).ToList();
        return [.. (ready.Count > 0 ? ready : all)
            .SelectMany(n => n.Status?.Addresses ?? [])
            .Where(a => a.Type == "InternalIP" && !string.IsNullOrEmpty(a.Address))
            .Select(a => a.Address!)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
