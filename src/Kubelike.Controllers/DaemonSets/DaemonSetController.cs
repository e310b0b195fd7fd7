using System.Globalization;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.ReplicaSets;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.DaemonSets;

/// <summary>
/// Runs one pod of each DaemonSet on every eligible node (<see cref="NodeEligibility"/>): pods pinned to their node by
/// a required node affinity for the scheduler to bind, with the default daemon tolerations; pods on nodes that stop
/// qualifying (or disappear) are removed, failed ones replaced. RollingUpdate replaces pods within maxUnavailable, or
/// with maxSurge starts the new pod beside the old one and removes the old once the new is available; OnDelete waits
/// for users to delete pods. Template states are ControllerRevisions; status is what <c>kubectl rollout status</c> reads.
/// </summary>
public sealed class DaemonSetController : Reconciler
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<DaemonSet> _sets;
    private readonly SharedInformer<Pod> _pods;
    private readonly SharedInformer<Node> _nodes;
    private readonly ControllerRevisionHistory _history;
    private readonly PodExpectations _expectations;

    public DaemonSetController(KubernetesClient client, SharedInformerFactory informers, ILogger<DaemonSetController> logger)
        : base(logger)
    {
        _client = client;
        _expectations = new PodExpectations(client.Time);
        _sets = informers.GetInformer<DaemonSet>();
        _pods = informers.GetInformer<Pod>();
        _nodes = informers.GetInformer<Node>();
        var revisions = informers.GetInformer<ControllerRevision>();
        _history = new ControllerRevisionHistory(client, revisions);
        _sets.AddEventHandler(new ResourceEventHandler<DaemonSet>
        {
            Added = (ds, _) => Enqueue(ds),
            Updated = (_, ds) => Enqueue(ds),
            Deleted = (ds, _) => _expectations.Forget(ObjectAccessor.GetKey(ds)),
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
        // Any node change can change where every DaemonSet belongs.
        _nodes.AddEventHandler(new ResourceEventHandler<Node>
        {
            Added = (_, _) => EnqueueAll(),
            Updated = (old, node) =>
            {
                if (!SameScheduling(old, node))
                    EnqueueAll();
            },
            Deleted = (_, _) => EnqueueAll(),
        });
        revisions.AddEventHandler(new ResourceEventHandler<ControllerRevision>
        {
            Deleted = (r, _) =>
            {
                if (Owners.Controller(r) is { Kind: "DaemonSet" } owner)
                    Queue.Add($"{r.Metadata!.Namespace}/{owner.Name}");
            },
        });
    }

    private static string? OwnerKey(Pod pod) =>
        Owners.Controller(pod) is { Kind: "DaemonSet" } owner ? $"{pod.Metadata!.Namespace}/{owner.Name}" : null;

    private void EnqueueMatching(Pod pod)
    {
        if (pod.Metadata?.DeletionTimestamp is not null)
            return;
        foreach (var ds in _sets.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
        {
            if (LabelSelectors.Matches(ds.Spec?.Selector, pod.Metadata?.Labels))
                Enqueue(ds);
        }
    }

    private void EnqueueAll()
    {
        foreach (var ds in _sets.Cache.List())
            Enqueue(ds);
    }

    /// <summary>Heartbeats change node status all the time; only labels, taints and existence matter here.</summary>
    private static bool SameScheduling(Node a, Node b) =>
        ObjectHash.Canonical(Api.KubernetesJson.SerializeToNode(a.Metadata?.Labels)) == ObjectHash.Canonical(Api.KubernetesJson.SerializeToNode(b.Metadata?.Labels))
        && ObjectHash.Canonical(Api.KubernetesJson.SerializeToNode(a.Spec?.Taints)) == ObjectHash.Canonical(Api.KubernetesJson.SerializeToNode(b.Spec?.Taints));

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var ds = _sets.Cache.Get(key);
        if (ds?.Spec is null || ds.Metadata?.DeletionTimestamp is not null)
        {
            if (ds is null)
                _expectations.Forget(key);
            return;
        }

        var pods = await PodClaims.ClaimAsync(_client, ds, Owners.ControllerReference(ds, "apps/v1", "DaemonSet"),
            _pods.Cache.ByIndex(CacheIndexers.Namespace, ds.Metadata!.Namespace ?? ""),
            pod => LabelSelectors.Matches(ds.Spec.Selector, pod.Metadata?.Labels), cancellationToken);

        var owned = _history.Owned(ds);
        var (update, collisionCount) = await _history.EnsureAsync(ds, Owners.ControllerReference(ds, "apps/v1", "DaemonSet"),
            ControllerRevisionHistory.TemplatePatch(ds.Spec.Template), ds.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>(),
            DaemonPods.RevisionLabel, owned, ds.Status?.CollisionCount ?? 0, cancellationToken);
        var hash = update.Metadata!.Labels![DaemonPods.RevisionLabel];

        var placement = Place(ds, pods);
        if (_expectations.Satisfied(key))
            await ManageAsync(key, ds, placement, hash, cancellationToken);

        var liveHashes = pods.Select(p => Hash(p)).OfType<string>().ToHashSet();
        var live = owned.Where(r => Hash(r) is { } h && liveHashes.Contains(h))
            .Select(r => r.Metadata!.Name!).Append(update.Metadata.Name!).ToHashSet();
        await _history.TruncateAsync(owned, live, ds.Spec.RevisionHistoryLimit ?? 10, cancellationToken);
        await UpdateStatusAsync(key, ds, placement, hash, collisionCount, cancellationToken);
    }

    /// <summary>Each node with whether the daemon belongs there, and the daemon's pods per node (pods of unknown nodes under null).</summary>
    private Placement Place(DaemonSet ds, List<Pod> pods)
    {
        var spec = PodSpecFor(ds);
        var nodes = _nodes.Cache.List().ToDictionary(n => n.Metadata!.Name!);
        var byNode = pods.GroupBy(p => DaemonPods.TargetNode(p) is { } n && nodes.ContainsKey(n) ? n : "").ToDictionary(g => g.Key, g => g.ToList());
        var entries = nodes.Values.Select(node => new NodePlacement(
            node,
            NodeEligibility.ShouldRun(spec, node),
            NodeEligibility.ShouldContinueRunning(spec, node),
            byNode.GetValueOrDefault(node.Metadata!.Name!) ?? [])).ToList();
        return new Placement(entries, byNode.GetValueOrDefault("") ?? []);
    }

    private static PodSpec PodSpecFor(DaemonSet ds)
    {
        var spec = Owners.Clone(ds.Spec?.Template?.Spec ?? new PodSpec());
        DaemonPods.AddDefaultTolerations(spec);
        return spec;
    }

    private async Task ManageAsync(string key, DaemonSet ds, Placement placement, string hash, CancellationToken cancellationToken)
    {
        var now = _client.Time.GetUtcNow();
        var minReady = ds.Spec!.MinReadySeconds ?? 0;
        var create = new List<string>();
        var delete = new List<Pod>(placement.Unplaced.Where(p => !IsTerminating(p)));
        foreach (var entry in placement.Nodes)
        {
            var active = entry.Pods.Where(p => !IsTerminating(p)).ToList();
            if (!entry.ShouldContinueRunning)
            {
                delete.AddRange(active);
                continue;
            }

            // Failed pods are replaced; the replacement comes in a later pass, once the deletion is seen.
            var failed = active.Where(p => p.Status?.Phase == "Failed").ToList();
            delete.AddRange(failed);
            active = active.Except(failed).ToList();
            if (!entry.ShouldRun)
                continue;
            if (active.Count == 0 && failed.Count == 0 && !entry.Pods.Any(IsTerminating))
            {
                create.Add(entry.Node.Metadata!.Name!);
                continue;
            }

            // At most one pod of the update revision and one older one (the pair a surge makes); extras go, oldest kept.
            foreach (var group in active.GroupBy(p => IsUpdated(p, hash)))
                delete.AddRange(group.OrderBy(p => p.Metadata?.CreationTimestamp?.Value ?? default).Skip(1));
        }

        if (ds.Spec.UpdateStrategy?.Type != "OnDelete")
            RollingUpdate(ds, placement, hash, now, minReady, create, delete);

        _expectations.ExpectCreations(key, create.Count);
        _expectations.ExpectDeletions(key, delete.Select(ObjectAccessor.GetKey));
        foreach (var pod in delete.DistinctBy(p => p.Metadata!.Uid))
        {
            if (!await PodClaims.DeleteAsync(_client, pod, cancellationToken))
                _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
        }

        var results = await Task.WhenAll(create.Select(async node =>
        {
            try
            {
                await _client.Resource<Pod>().CreateAsync(NewPod(ds, node, hash), cancellationToken: cancellationToken);
                return null;
            }
            catch (KubernetesApiException e)
            {
                _expectations.CreationObserved(key);
                return e;
            }
        }));
        if (results.FirstOrDefault(e => e is not null) is { } failure)
            throw failure;
    }

    /// <summary>Upstream's rolling update: within maxUnavailable replace old pods; with maxSurge start the new one first.</summary>
    private static void RollingUpdate(DaemonSet ds, Placement placement, string hash, DateTimeOffset now, int minReady, List<string> create, List<Pod> delete)
    {
        var eligible = placement.Nodes.Where(e => e.ShouldRun && e.ShouldContinueRunning).ToList();
        var desired = eligible.Count;
        var rolling = ds.Spec!.UpdateStrategy?.RollingUpdate;
        var maxSurge = Scaled(rolling?.MaxSurge, desired, 0);
        var maxUnavailable = Scaled(rolling?.MaxUnavailable, desired, 1);
        if (maxSurge == 0 && maxUnavailable == 0)
            maxUnavailable = 1;

        bool Available(Pod p) => !IsTerminating(p) && PodReadiness.IsAvailable(p, minReady, now);
        List<Pod> Active(NodePlacement e) => [.. e.Pods.Where(p => !IsTerminating(p) && p.Status?.Phase != "Failed")];

        if (maxSurge == 0)
        {
            var unavailable = eligible.Count(e => !Active(e).Any(Available));
            foreach (var entry in eligible)
            {
                var active = Active(entry);
                if (active.Any(p => IsUpdated(p, hash)))
                    continue;
                foreach (var old in active)
                {
                    if (!Available(old))
                    {
                        delete.Add(old);
                    }
                    else if (unavailable < maxUnavailable)
                    {
                        delete.Add(old);
                        unavailable++;
                    }
                }
            }

            return;
        }

        var surging = eligible.Count(e => Active(e) is var a && a.Any(p => IsUpdated(p, hash)) && a.Any(p => !IsUpdated(p, hash)));
        foreach (var entry in eligible)
        {
            var active = Active(entry);
            var old = active.Where(p => !IsUpdated(p, hash)).ToList();
            if (old.Count == 0)
                continue;
            var updated = active.Where(p => IsUpdated(p, hash)).ToList();
            if (updated.Count > 0)
            {
                if (updated.Any(Available))
                    delete.AddRange(old);
            }
            else if (!old.Any(Available))
            {
                delete.AddRange(old);
            }
            else if (surging < maxSurge && !create.Contains(entry.Node.Metadata!.Name!))
            {
                create.Add(entry.Node.Metadata!.Name!);
                surging++;
            }
        }
    }

    private static int Scaled(IntOrString? value, int total, int fallback) =>
        value is null ? fallback : value.TryGetScaledValue(total, roundUp: true, out var scaled) ? Math.Max(0, scaled) : fallback;

    private static bool IsTerminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null;

    /// <summary>The template hash a pod or revision is labelled with.</summary>
    private static string? Hash(Api.IKubernetesObject obj) =>
        obj.Metadata?.Labels is { } labels && labels.TryGetValue(DaemonPods.RevisionLabel, out var hash) ? hash : null;

    private static bool IsUpdated(Pod pod, string hash) => Hash(pod) == hash;

    private static Pod NewPod(DaemonSet ds, string node, string hash)
    {
        var template = Owners.Clone(ds.Spec!.Template ?? new PodTemplateSpec());
        var spec = PodSpecFor(ds);
        DaemonPods.PinToNode(spec, node);
        return new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                GenerateName = ds.Metadata!.Name + "-",
                Namespace = ds.Metadata.Namespace,
                Labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>())
                {
                    [DaemonPods.RevisionLabel] = hash,
                    [DaemonPods.TemplateGenerationLabel] = (ds.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture),
                },
                Annotations = template.Metadata?.Annotations,
                Finalizers = template.Metadata?.Finalizers,
                OwnerReferences = [Owners.ControllerReference(ds, "apps/v1", "DaemonSet")],
            },
            Spec = spec,
        };
    }

    private async Task UpdateStatusAsync(string key, DaemonSet ds, Placement placement, string hash, int collisionCount, CancellationToken cancellationToken)
    {
        var now = _client.Time.GetUtcNow();
        var minReady = ds.Spec!.MinReadySeconds ?? 0;
        int desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
        foreach (var entry in placement.Nodes)
        {
            var active = entry.Pods.Where(p => !IsTerminating(p)).ToList();
            if (!entry.ShouldRun)
            {
                if (active.Count > 0)
                    misscheduled++;
                continue;
            }

            desired++;
            if (active.Count == 0)
                continue;
            current++;
            if (active.Any(PodReadiness.IsReady))
                ready++;
            if (active.Any(p => PodReadiness.IsAvailable(p, minReady, now)))
                available++;
            if (active.Any(p => IsUpdated(p, hash)))
                updated++;
        }

        if (minReady > 0 && ready > available)
            Queue.AddAfter(key, TimeSpan.FromSeconds(minReady));
        var old = ds.Status ?? new DaemonSetStatus();
        if ((old.ObservedGeneration ?? 0) == (ds.Metadata?.Generation ?? 0) && (old.DesiredNumberScheduled ?? 0) == desired
            && (old.CurrentNumberScheduled ?? 0) == current && (old.NumberMisscheduled ?? 0) == misscheduled && (old.NumberReady ?? 0) == ready
            && (old.UpdatedNumberScheduled ?? 0) == updated && (old.NumberAvailable ?? 0) == available
            && (old.NumberUnavailable ?? 0) == desired - available && (old.CollisionCount ?? 0) == collisionCount)
        {
            return;
        }

        var changed = Owners.Clone(ds);
        changed.Status = new DaemonSetStatus
        {
            ObservedGeneration = ds.Metadata?.Generation,
            DesiredNumberScheduled = desired,
            CurrentNumberScheduled = current,
            NumberMisscheduled = misscheduled,
            NumberReady = ready,
            UpdatedNumberScheduled = updated,
            NumberAvailable = available,
            NumberUnavailable = desired - available,
            CollisionCount = collisionCount,
            Conditions = ds.Status?.Conditions,
        };
        try
        {
            await _client.Resource<DaemonSet>().UpdateStatusAsync(changed, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }

    private sealed record NodePlacement(Node Node, bool ShouldRun, bool ShouldContinueRunning, List<Pod> Pods);

    private sealed record Placement(List<NodePlacement> Nodes, List<Pod> Unplaced);
}
