using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ServiceAccounts;

/// <summary>
/// Keeps a <c>default</c> ServiceAccount in every active namespace, as upstream's serviceaccounts controller does:
/// created when a namespace appears, created again when it is deleted. Keys are namespace names.
/// </summary>
public sealed class ServiceAccountController : Reconciler
{
    public const string DefaultName = "default";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<Namespace> _namespaces;
    private readonly SharedInformer<ServiceAccount> _serviceAccounts;

    public ServiceAccountController(KubernetesClient client, SharedInformerFactory informers, ILogger<ServiceAccountController> logger)
        : base(logger)
    {
        _client = client;
        _namespaces = informers.GetInformer<Namespace>();
        _serviceAccounts = informers.GetInformer<ServiceAccount>();
        _namespaces.AddEventHandler(new ResourceEventHandler<Namespace>
        {
            Added = (ns, _) => Queue.Add(ns.Metadata!.Name!),
            Updated = (_, ns) => Queue.Add(ns.Metadata!.Name!),
        });
        _serviceAccounts.AddEventHandler(new ResourceEventHandler<ServiceAccount>
        {
            Deleted = (sa, _) =>
            {
                if (sa.Metadata?.Name == DefaultName && sa.Metadata.Namespace is { } ns)
                    Queue.Add(ns);
            },
        });
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        // Nothing is created in a namespace on its way out (the API would refuse it anyway).
        if (_namespaces.Cache.Get(key) is not { } ns || Owners.IsBeingDeleted(ns) || ns.Status?.Phase == "Terminating")
            return;
        if (_serviceAccounts.Cache.Get(key, DefaultName) is not null)
            return;
        try
        {
            await _client.Resource<ServiceAccount>().CreateAsync(new ServiceAccount
            {
                Metadata = new ObjectMeta { Name = DefaultName, Namespace = key },
            }, cancellationToken: cancellationToken);
            Logger.LogDebug("created the default ServiceAccount in {Namespace}", key);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Created meanwhile (by us through another worker, or by a user).
        }
        catch (KubernetesApiException e) when (e.IsForbidden || e.IsNotFound)
        {
            // The namespace started terminating or went away since the cache saw it.
        }
    }
}
