using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ReplicaSets;

/// <summary>
/// Keeps each ReplicaSet's number of active pods at spec.replicas: creates pods from the template in slow-start
/// batches (1, 2, 4, ...), deletes the least useful ones first, adopts orphan pods its selector matches and
/// releases pods it no longer matches, and reports replicas, fullyLabeled, ready and available in status.
/// </summary>
public sealed class ReplicaSetController : Reconciler
{
    private const int SlowStartInitialBatch = 1;
    private readonly KubernetesClient _client;
    private readonly SharedInformer<ReplicaSet> _replicaSets;
    private readonly SharedInformer<Pod> _pods;
    private readonly PodExpectations _expectations;
    private readonly TimeProvider _time;

    public ReplicaSetController(KubernetesClient client, SharedInformerFactory informers, ILogger<ReplicaSetController> logger)
        : base(logger)
    {
        _client = client;
        _time = client.Time;
        _expectations = new PodExpectations(_time);
        _replicaSets = informers.GetInformer<ReplicaSet>();
        _pods = informers.GetInformer<Pod>();
        _replicaSets.AddEventHandler(new ResourceEventHandler<ReplicaSet>
        {
            Added = (rs, _) => Enqueue(rs),
            Updated = (_, rs) => Enqueue(rs),
            Deleted = (rs, _) =>
            {
                _expectations.Forget(ObjectAccessor.GetKey(rs));
                Enqueue(rs);
            },
        });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) =>
            {
                if (OwnerKey(pod) is { } key)
                {
                    _expectations.CreationObserved(key);
                    Queue.Add(key);
                }
                else
                {
                    EnqueueMatching(pod);
                }
            },
            Updated = (old, pod) =>
            {
                if (pod.Metadata?.DeletionTimestamp is not null && OwnerKey(pod) is { } deleting)
                    _expectations.DeletionObserved(deleting, ObjectAccessor.GetKey(pod));
                if (OwnerKey(old) is { } before)
                    Queue.Add(before);
                if (OwnerKey(pod) is { } after)
                    Queue.Add(after);
                else
                    EnqueueMatching(pod);
            },
            Deleted = (pod, _) =>
            {
                if (OwnerKey(pod) is { } key)
                {
                    _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
                    Queue.Add(key);
                }
            },
        });
    }

    /// <summary>The key of the ReplicaSet that controls <paramref name="pod"/>, if one does.</summary>
    private static string? OwnerKey(Pod pod) =>
        Owners.Controller(pod) is { Kind: "ReplicaSet" } owner ? $"{pod.Metadata!.Namespace}/{owner.Name}" : null;

    /// <summary>An orphan pod may be adopted by a ReplicaSet whose selector matches it.</summary>
    private void EnqueueMatching(Pod pod)
    {
        if (pod.Metadata?.DeletionTimestamp is not null)
            return;
        foreach (var rs in _replicaSets.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
        {
            if (LabelSelectors.Matches(rs.Spec?.Selector, pod.Metadata?.Labels))
                Enqueue(rs);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var rs = _replicaSets.Cache.Get(key);
        if (rs is null)
        {
            _expectations.Forget(key);
            return;
        }

        var pods = await ClaimPodsAsync(rs, cancellationToken);
        var active = pods.Where(PodReadiness.IsActive).ToList();
        if (_expectations.Satisfied(key) && rs.Metadata?.DeletionTimestamp is null)
            await ManageReplicasAsync(key, rs, active, cancellationToken);
        await UpdateStatusAsync(key, rs, active, cancellationToken);
    }

    /// <summary>The pods this ReplicaSet controls after adopting matching orphans and releasing pods it no longer matches.</summary>
    private async Task<List<Pod>> ClaimPodsAsync(ReplicaSet rs, CancellationToken cancellationToken)
    {
        var uid = rs.Metadata!.Uid;
        var claimed = new List<Pod>();
        foreach (var pod in _pods.Cache.ByIndex(CacheIndexers.Namespace, rs.Metadata.Namespace ?? ""))
        {
            var controller = Owners.Controller(pod);
            var matches = LabelSelectors.Matches(rs.Spec?.Selector, pod.Metadata?.Labels);
            if (controller?.Uid == uid)
            {
                if (matches || rs.Metadata.DeletionTimestamp is not null)
                {
                    claimed.Add(pod);
                }
                else
                {
                    await SetOwnersAsync(pod, pod.Metadata!.OwnerReferences!.Where(o => o.Uid != uid), cancellationToken);
                }
            }
            else if (controller is null && matches && pod.Metadata?.DeletionTimestamp is null && rs.Metadata.DeletionTimestamp is null)
            {
                var adopted = await SetOwnersAsync(pod, [.. pod.Metadata?.OwnerReferences ?? [], Owners.ControllerReference(rs, "apps/v1", "ReplicaSet")], cancellationToken);
                if (adopted is not null)
                    claimed.Add(adopted);
            }
        }

        return claimed;
    }

    /// <summary>Replaces a pod's owner references, conditional on its resourceVersion; null when the pod is gone.</summary>
    private async Task<Pod?> SetOwnersAsync(Pod pod, IEnumerable<OwnerReference> owners, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = pod.Metadata!.ResourceVersion,
                ["ownerReferences"] = Api.KubernetesJson.SerializeToNode(owners.ToList()),
            },
        };
        try
        {
            return await _client.Resource<Pod>().PatchAsync(pod.Metadata.Name!, Patch.Merge(patch), pod.Metadata.Namespace, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task ManageReplicasAsync(string key, ReplicaSet rs, List<Pod> active, CancellationToken cancellationToken)
    {
        var desired = rs.Spec?.Replicas ?? 1;
        var diff = active.Count - desired;
        if (diff < 0)
        {
            var toCreate = -diff;
            _expectations.ExpectCreations(key, toCreate);
            var created = 0;
            var batch = SlowStartInitialBatch;
            var pods = _client.Resource<Pod>();
            while (created < toCreate)
            {
                var size = Math.Min(batch, toCreate - created);
                var results = await Task.WhenAll(Enumerable.Range(0, size).Select(async _ =>
                {
                    try
                    {
                        await pods.CreateAsync(NewPod(rs), cancellationToken: cancellationToken);
                        return (Exception?)null;
                    }
                    catch (KubernetesApiException e)
                    {
                        return e;
                    }
                }));
                var failures = results.Where(r => r is not null).ToList();
                foreach (var _ in failures)
                    _expectations.CreationObserved(key);
                created += size;
                if (failures.Count > 0)
                {
                    // The rest of the batch would fail the same way: give up on what was not tried yet.
                    for (var skipped = created; skipped < toCreate; skipped++)
                        _expectations.CreationObserved(key);
                    throw failures[0]!;
                }

                batch *= 2;
            }
        }
        else if (diff > 0)
        {
            var victims = active.ToList();
            victims.Sort(PodReadiness.CompareForDeletion);
            victims = victims.Take(diff).ToList();
            _expectations.ExpectDeletions(key, victims.Select(ObjectAccessor.GetKey));
            var pods = _client.Resource<Pod>();
            await Task.WhenAll(victims.Select(async pod =>
            {
                try
                {
                    await pods.DeleteAsync(pod.Metadata!.Name!, pod.Metadata.Namespace, cancellationToken: cancellationToken);
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
                }
            }));
        }
    }

    private static Pod NewPod(ReplicaSet rs)
    {
        var template = Owners.Clone(rs.Spec?.Template ?? new PodTemplateSpec());
        return new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                // The server appends five random characters: <rs>-xxxxx, as upstream names them.
                GenerateName = rs.Metadata!.Name + "-",
                Namespace = rs.Metadata.Namespace,
                Labels = template.Metadata?.Labels,
                Annotations = template.Metadata?.Annotations,
                Finalizers = template.Metadata?.Finalizers,
                OwnerReferences = [Owners.ControllerReference(rs, "apps/v1", "ReplicaSet")],
            },
            Spec = template.Spec,
        };
    }

    private async Task UpdateStatusAsync(string key, ReplicaSet rs, List<Pod> active, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var minReady = rs.Spec?.MinReadySeconds ?? 0;
        var templateLabels = rs.Spec?.Template?.Metadata?.Labels ?? new Dictionary<string, string>();
        var status = new ReplicaSetStatus
        {
            Replicas = active.Count,
            FullyLabeledReplicas = active.Count(p => templateLabels.All(l => p.Metadata?.Labels is { } labels && labels.TryGetValue(l.Key, out var v) && v == l.Value)),
            ReadyReplicas = active.Count(PodReadiness.IsReady),
            AvailableReplicas = active.Count(p => PodReadiness.IsAvailable(p, minReady, now)),
            ObservedGeneration = rs.Metadata?.Generation,
            Conditions = rs.Status?.Conditions,
        };
        if (minReady > 0 && status.ReadyReplicas > status.AvailableReplicas)
        {
            // Check again when the next ready pod becomes available.
            Queue.AddAfter(key, TimeSpan.FromSeconds(minReady));
        }

        // Zero counts are omitted on the wire, so null and 0 are the same here.
        var current = rs.Status ?? new ReplicaSetStatus();
        if ((current.Replicas ?? 0) == status.Replicas && (current.FullyLabeledReplicas ?? 0) == status.FullyLabeledReplicas
            && (current.ReadyReplicas ?? 0) == status.ReadyReplicas && (current.AvailableReplicas ?? 0) == status.AvailableReplicas
            && (current.ObservedGeneration ?? 0) == (status.ObservedGeneration ?? 0))
        {
            return;
        }

        var updated = Owners.Clone(rs);
        updated.Status = status;
        try
        {
            await _client.Resource<ReplicaSet>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }
}
