using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Batch.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.GarbageCollection;

/// <summary>
/// Deletes dependents whose owners are gone (background cascading), and carries out the <c>orphan</c> and
/// <c>foregroundDeletion</c> finalizers of owners being deleted. The graph is the informer caches of the kinds
/// that have owners here: Deployments, ReplicaSets, Pods, ReplicationControllers, StatefulSets, DaemonSets,
/// ControllerRevisions, PersistentVolumeClaims, CronJobs and Jobs. An owner missing from the cache is confirmed absent by
/// a live read before anything is deleted.
/// </summary>
public sealed class GarbageCollector : Reconciler
{
    private const string OrphanFinalizer = "orphan";
    private const string ForegroundFinalizer = "foregroundDeletion";

    private readonly KubernetesClient _client;
    private readonly Dictionary<string, Kind> _kinds;

    public GarbageCollector(KubernetesClient client, SharedInformerFactory informers, ILogger<GarbageCollector> logger)
        : base(logger)
    {
        _client = client;
        _kinds = new[]
        {
            Watch<Deployment>(informers, "Deployment"),
            Watch<ReplicaSet>(informers, "ReplicaSet"),
            Watch<Pod>(informers, "Pod"),
            Watch<ReplicationController>(informers, "ReplicationController"),
            Watch<StatefulSet>(informers, "StatefulSet"),
            Watch<DaemonSet>(informers, "DaemonSet"),
            Watch<ControllerRevision>(informers, "ControllerRevision"),
            Watch<PersistentVolumeClaim>(informers, "PersistentVolumeClaim"),
            Watch<Job>(informers, "Job"),
            Watch<CronJob>(informers, "CronJob"),
        }.ToDictionary(k => k.Name);
    }

    private Kind Watch<T>(SharedInformerFactory informers, string kind)
        where T : class, IKubernetesObject
    {
        var informer = informers.GetInformer<T>();
        informer.AddEventHandler(new ResourceEventHandler<T>
        {
            Added = (obj, _) => Changed(kind, obj),
            Updated = (_, obj) => Changed(kind, obj),
            Deleted = (obj, _) =>
            {
                // Its dependents may now be garbage, and an owner deleted in the foreground may now go.
                foreach (var (dependentKind, dependent) in Dependents(obj.Metadata?.Uid))
                    Queue.Add(Key(dependentKind, dependent));
                EnqueueOwners(obj);
            },
        });
        return new Kind(kind, ApiResource.For<T>(), key => informer.Cache.Get(key), () => informer.Cache.List());
    }

    private void Changed(string kind, IKubernetesObject obj)
    {
        if ((obj.Metadata?.OwnerReferences?.Count ?? 0) > 0 || obj.Metadata?.DeletionTimestamp is not null)
            Queue.Add(Key(kind, obj));
        EnqueueOwners(obj);
    }

    /// <summary>A dependent of an owner being deleted in the foreground: its change may release the owner.</summary>
    private void EnqueueOwners(IKubernetesObject obj)
    {
        foreach (var owner in obj.Metadata?.OwnerReferences ?? [])
        {
            if (owner.Kind is { } ownerKind && _kinds.ContainsKey(ownerKind))
                Queue.Add($"{ownerKind}|{obj.Metadata!.Namespace}/{owner.Name}");
        }
    }

    private static string Key(string kind, IKubernetesObject obj) => $"{kind}|{ObjectAccessor.GetKey(obj)}";

    private IEnumerable<(string Kind, IKubernetesObject Obj)> Dependents(string? ownerUid) =>
        ownerUid is null ? [] : _kinds.Values.SelectMany(k => k.List().Where(o => o.Metadata?.OwnerReferences?.Any(r => r.Uid == ownerUid) == true).Select(o => (k.Name, o)));

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var separator = key.IndexOf('|', StringComparison.Ordinal);
        var kind = _kinds[key[..separator]];
        var obj = kind.Get(key[(separator + 1)..]);
        if (obj is null)
            return;
        if (obj.Metadata?.DeletionTimestamp is not null)
        {
            var finalizers = obj.Metadata.Finalizers ?? [];
            if (finalizers.Contains(OrphanFinalizer))
                await OrphanDependentsAsync(kind, obj, cancellationToken);
            else if (finalizers.Contains(ForegroundFinalizer))
                await DeleteDependentsFirstAsync(kind, obj, cancellationToken);
            return;
        }

        var owners = obj.Metadata?.OwnerReferences ?? [];
        if (owners.Count == 0)
            return;
        var gone = new List<OwnerReference>();
        foreach (var owner in owners)
        {
            if (await IsGoneAsync(owner, obj.Metadata!.Namespace, cancellationToken))
                gone.Add(owner);
        }

        if (gone.Count == owners.Count)
        {
            Logger.LogInformation("deleting {Kind} {Key}: its owners are gone", kind.Name, ObjectAccessor.GetKey(obj));
            await IgnoreNotFound(_client.Resource(kind.Resource).DeleteAsync(obj.Metadata!.Name!, obj.Metadata.Namespace,
                new DeleteOptions { PropagationPolicy = "Background", Preconditions = new Preconditions { Uid = obj.Metadata.Uid } }, cancellationToken));
        }
        else if (gone.Count > 0)
        {
            await SetOwnersAsync(kind, obj, owners.Where(o => !gone.Contains(o)), cancellationToken);
        }
    }

    /// <summary>Gone when absent from the cache and a live read finds nothing with that uid.</summary>
    private async Task<bool> IsGoneAsync(OwnerReference owner, string? ns, CancellationToken cancellationToken)
    {
        if (owner.Kind is null || !_kinds.TryGetValue(owner.Kind, out var kind))
            return false;
        var key = string.IsNullOrEmpty(ns) ? owner.Name! : $"{ns}/{owner.Name}";
        if (kind.Get(key) is { } cached && cached.Metadata?.Uid == owner.Uid)
            return false;
        try
        {
            var live = await _client.Resource(kind.Resource).GetAsync(owner.Name!, ns, cancellationToken);
            return live["metadata"]?["uid"]?.GetValue<string>() != owner.Uid;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return true;
        }
    }

    private async Task OrphanDependentsAsync(Kind kind, IKubernetesObject owner, CancellationToken cancellationToken)
    {
        foreach (var (dependentKind, dependent) in Dependents(owner.Metadata!.Uid).ToList())
            await SetOwnersAsync(_kinds[dependentKind], dependent, dependent.Metadata!.OwnerReferences!.Where(r => r.Uid != owner.Metadata.Uid), cancellationToken);
        await RemoveFinalizerAsync(kind, owner, OrphanFinalizer, cancellationToken);
    }

    private async Task DeleteDependentsFirstAsync(Kind kind, IKubernetesObject owner, CancellationToken cancellationToken)
    {
        var blocking = 0;
        foreach (var (dependentKind, dependent) in Dependents(owner.Metadata!.Uid).ToList())
        {
            var reference = dependent.Metadata!.OwnerReferences!.First(r => r.Uid == owner.Metadata.Uid);
            if (reference.BlockOwnerDeletion == true)
                blocking++;
            if (dependent.Metadata.DeletionTimestamp is null)
            {
                await IgnoreNotFound(_client.Resource(_kinds[dependentKind].Resource).DeleteAsync(dependent.Metadata.Name!, dependent.Metadata.Namespace,
                    new DeleteOptions { PropagationPolicy = "Foreground" }, cancellationToken));
            }
        }

        // The owner goes once no dependent blocks it; their deletions bring us back here.
        if (blocking == 0)
            await RemoveFinalizerAsync(kind, owner, ForegroundFinalizer, cancellationToken);
    }

    private async Task SetOwnersAsync(Kind kind, IKubernetesObject obj, IEnumerable<OwnerReference> owners, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = obj.Metadata!.ResourceVersion,
                ["ownerReferences"] = KubernetesJson.SerializeToNode(owners.ToList()),
            },
        };
        await IgnoreNotFound(_client.Resource(kind.Resource).PatchAsync(obj.Metadata.Name!, Patch.Merge(patch), obj.Metadata.Namespace, cancellationToken: cancellationToken));
    }

    private async Task RemoveFinalizerAsync(Kind kind, IKubernetesObject obj, string finalizer, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = obj.Metadata!.ResourceVersion,
                ["finalizers"] = new JsonArray([.. (obj.Metadata.Finalizers ?? []).Where(f => f != finalizer).Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
        await IgnoreNotFound(_client.Resource(kind.Resource).PatchAsync(obj.Metadata.Name!, Patch.Merge(patch), obj.Metadata.Namespace, cancellationToken: cancellationToken));
    }

    private static async Task IgnoreNotFound(Task task)
    {
        try
        {
            await task;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Already gone: nothing left to do for it.
        }
    }

    private sealed record Kind(string Name, ApiResource Resource, Func<string, IKubernetesObject?> Get, Func<IEnumerable<IKubernetesObject>> List);
}
