using Kubelike.Api;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ReplicaSets;

/// <summary>
/// Keeps each owner's number of active pods at its desired replicas: creates pods from the template in slow-start
/// batches (1, 2, 4, ...), deletes the least useful ones first, adopts orphan pods its selector matches and
/// releases pods it no longer matches, and reports replicas, fullyLabeled, ready and available in status.
/// One logic for the two kinds that share it upstream: ReplicaSet (a label selector) and ReplicationController
/// (a map selector); a subclass says how to read and write its kind.
/// </summary>
public abstract class ReplicatedPodController<TOwner> : Reconciler
    where TOwner : class, IKubernetesObject
{
    private const int SlowStartInitialBatch = 1;
    private readonly KubernetesClient _client;
    private readonly SharedInformer<TOwner> _owners;
    private readonly SharedInformer<Pod> _pods;
    private readonly PodExpectations _expectations;
    private readonly TimeProvider _time;

    protected ReplicatedPodController(KubernetesClient client, SharedInformerFactory informers, ILogger logger)
        : base(logger)
    {
        _client = client;
        _time = client.Time;
        _expectations = new PodExpectations(_time);
        _owners = informers.GetInformer<TOwner>();
        _pods = informers.GetInformer<Pod>();
        _owners.AddEventHandler(new ResourceEventHandler<TOwner>
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

    /// <summary>The kind this controller owns pods for, as in owner references.</summary>
    protected abstract string Kind { get; }

    /// <summary>The API version of <see cref="Kind"/>, as in owner references.</summary>
    protected abstract string ApiVersion { get; }

    protected abstract bool Selects(TOwner owner, IDictionary<string, string>? labels);

    protected abstract int DesiredReplicas(TOwner owner);

    protected abstract int MinReadySeconds(TOwner owner);

    protected abstract PodTemplateSpec? Template(TOwner owner);

    protected abstract ReplicaCounts ReportedCounts(TOwner owner);

    /// <summary>Writes <paramref name="counts"/> to the owner's status subresource, keeping its other status fields.</summary>
    protected abstract Task WriteStatusAsync(TOwner owner, ReplicaCounts counts, CancellationToken cancellationToken);

    protected KubernetesClient Client => _client;

    /// <summary>The key of the owner of this kind that controls <paramref name="pod"/>, if one does.</summary>
    private string? OwnerKey(Pod pod) =>
        Owners.Controller(pod) is { } owner && owner.Kind == Kind ? $"{pod.Metadata!.Namespace}/{owner.Name}" : null;

    /// <summary>An orphan pod may be adopted by an owner whose selector matches it.</summary>
    private void EnqueueMatching(Pod pod)
    {
        if (pod.Metadata?.DeletionTimestamp is not null)
            return;
        foreach (var owner in _owners.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
        {
            if (Selects(owner, pod.Metadata?.Labels))
                Enqueue(owner);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var rs = _owners.Cache.Get(key);
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

    /// <summary>The pods this owner controls after adopting matching orphans and releasing pods it no longer matches.</summary>
    private Task<List<Pod>> ClaimPodsAsync(TOwner owner, CancellationToken cancellationToken) =>
        PodClaims.ClaimAsync(_client, owner, Owners.ControllerReference(owner, ApiVersion, Kind),
            _pods.Cache.ByIndex(CacheIndexers.Namespace, owner.Metadata!.Namespace ?? ""), pod => Selects(owner, pod.Metadata?.Labels), cancellationToken);

    private async Task ManageReplicasAsync(string key, TOwner rs, List<Pod> active, CancellationToken cancellationToken)
    {
        var desired = DesiredReplicas(rs);
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

    private Pod NewPod(TOwner rs)
    {
        var template = Owners.Clone(Template(rs) ?? new PodTemplateSpec());
        return new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                // The server appends five random characters: <owner>-xxxxx, as upstream names them.
                GenerateName = rs.Metadata!.Name + "-",
                Namespace = rs.Metadata.Namespace,
                Labels = template.Metadata?.Labels,
                Annotations = template.Metadata?.Annotations,
                Finalizers = template.Metadata?.Finalizers,
                OwnerReferences = [Owners.ControllerReference(rs, ApiVersion, Kind)],
            },
            Spec = template.Spec,
        };
    }

    private async Task UpdateStatusAsync(string key, TOwner owner, List<Pod> active, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var minReady = MinReadySeconds(owner);
        var templateLabels = Template(owner)?.Metadata?.Labels ?? new Dictionary<string, string>();
        var counts = new ReplicaCounts(
            Replicas: active.Count,
            FullyLabeled: active.Count(p => templateLabels.All(l => p.Metadata?.Labels is { } labels && labels.TryGetValue(l.Key, out var v) && v == l.Value)),
            Ready: active.Count(PodReadiness.IsReady),
            Available: active.Count(p => PodReadiness.IsAvailable(p, minReady, now)),
            ObservedGeneration: owner.Metadata?.Generation ?? 0);
        if (minReady > 0 && counts.Ready > counts.Available)
        {
            // Check again when the next ready pod becomes available.
            Queue.AddAfter(key, TimeSpan.FromSeconds(minReady));
        }

        if (ReportedCounts(owner) == counts)
            return;
        try
        {
            await WriteStatusAsync(owner, counts, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }
}
