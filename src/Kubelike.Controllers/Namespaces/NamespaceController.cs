using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Namespaces;

/// <summary>
/// Empties terminating namespaces, as upstream's namespace controller does: for a namespace with a deletionTimestamp
/// it makes sure the phase is Terminating, deletes all its content (<see cref="NamespaceContentDeleter"/>), reports
/// progress in the namespace's deletion conditions, waits until the content is gone (pods stopping within their
/// grace period, objects held by finalizers), and then removes the <c>kubernetes</c> finalizer through
/// <c>/finalize</c>, whereupon the API server removes the namespace (once no other finalizer holds it).
/// </summary>
public sealed class NamespaceController : Reconciler
{
    private const string KubernetesFinalizer = "kubernetes";

    /// <summary>Longest wait before looking again at content that is still going; upstream waits half the estimate.</summary>
    private static readonly TimeSpan MaxRecheck = TimeSpan.FromSeconds(5);

    private readonly KubernetesClient _client;
    private readonly SharedInformer<Namespace> _namespaces;
    private readonly NamespaceContentDeleter _deleter;

    public NamespaceController(KubernetesClient client, SharedInformerFactory informers, ILogger<NamespaceController> logger)
        : base(logger)
    {
        _client = client;
        _deleter = new NamespaceContentDeleter(client);
        _namespaces = informers.GetInformer<Namespace>();
        _namespaces.AddEventHandler(new ResourceEventHandler<Namespace>
        {
            Added = (ns, _) => EnqueueIfDeleting(ns),
            Updated = (_, ns) => EnqueueIfDeleting(ns),
        });
    }

    private void EnqueueIfDeleting(Namespace ns)
    {
        if (Owners.IsBeingDeleted(ns))
            Enqueue(ns);
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (_namespaces.Cache.Get(key) is not { } cached || !Owners.IsBeingDeleted(cached))
            return;

        // Several writers touch a terminating namespace: act on its latest state.
        var namespaces = _client.Resource<Namespace>();
        Namespace ns;
        try
        {
            ns = await namespaces.GetAsync(key, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return;
        }

        if (ns.Metadata?.DeletionTimestamp is not { } deletedAt)
            return;
        if (ns.Status?.Phase != "Terminating")
        {
            ns.Status ??= new NamespaceStatus();
            ns.Status.Phase = "Terminating";
            ns = await namespaces.UpdateStatusAsync(ns, cancellationToken: cancellationToken);
        }

        if (ns.Spec?.Finalizers?.Contains(KubernetesFinalizer) != true)
            return;

        var now = _client.Time.GetUtcNow();
        var deletion = await _deleter.DeleteAllAsync(key, deletedAt, now, cancellationToken);
        var status = Owners.Clone(ns.Status!);
        if (deletion.Conditions.ApplyTo(status, now))
        {
            var updated = Owners.Clone(ns);
            updated.Status = status;
            try
            {
                ns = await namespaces.UpdateStatusAsync(updated, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsConflict)
            {
                // Someone wrote meanwhile; the conditions are written on the next pass.
            }
        }

        if (deletion.Failures > 0)
        {
            Logger.LogWarning("namespace {Namespace}: {Count} resources could not be emptied (see its conditions); trying again", key, deletion.Failures);
            Queue.AddAfter(key, MaxRecheck);
            return;
        }

        if (!deletion.Done)
        {
            var wait = TimeSpan.FromSeconds((deletion.EstimateSeconds / 2) + 1);
            Logger.LogDebug("namespace {Namespace}: content remains in {Count} resources; looking again in {Wait}", key, deletion.ResourcesRemaining, wait);
            Queue.AddAfter(key, wait < MaxRecheck ? wait : MaxRecheck);
            return;
        }

        await FinalizeAsync(ns, cancellationToken);
        Logger.LogInformation("namespace {Namespace}: content removed; finalized", key);
    }

    /// <summary>Removes our finalizer through /finalize, retrying on conflicts with the latest namespace.</summary>
    private async Task FinalizeAsync(Namespace ns, CancellationToken cancellationToken)
    {
        var namespaces = _client.Resource<Namespace>();
        while (true)
        {
            var finalized = Owners.Clone(ns);
            finalized.Spec = new NamespaceSpec { Finalizers = [.. (ns.Spec?.Finalizers ?? []).Where(f => f != KubernetesFinalizer).Distinct().Order(StringComparer.Ordinal)] };
            try
            {
                await namespaces.UpdateSubresourceAsync(finalized, "finalize", cancellationToken: cancellationToken);
                return;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return;
            }
            catch (KubernetesApiException e) when (e.IsConflict)
            {
                var latest = await namespaces.GetAsync(ns.Metadata!.Name!, cancellationToken: cancellationToken);
                if (latest.Metadata?.Uid != ns.Metadata.Uid)
                    return;
                ns = latest;
            }
        }
    }
}
