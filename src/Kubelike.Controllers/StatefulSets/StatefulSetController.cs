using System.Globalization;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.ReplicaSets;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.StatefulSets;

/// <summary>
/// Runs each StatefulSet's pods as <c>&lt;set&gt;-&lt;ordinal&gt;</c> with stable identity and storage: claims from
/// volumeClaimTemplates (<c>&lt;claim&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>) are created before their pod and outlive it
/// unless the retention policy says Delete; OrderedReady creates in order, each pod Running and Ready before the next,
/// and removes in reverse, while Parallel does both at once; RollingUpdate replaces pods from the highest ordinal down
/// to the partition, one at a time and waiting for readiness, and OnDelete only when a user deletes them.
/// Template states are ControllerRevisions; status carries the counts and revisions <c>kubectl rollout status</c> reads.
/// </summary>
public sealed class StatefulSetController : Reconciler
{
    private const string HashLabel = "controller.kubernetes.io/hash";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<StatefulSet> _sets;
    private readonly SharedInformer<Pod> _pods;
    private readonly SharedInformer<PersistentVolumeClaim> _claims;
    private readonly ControllerRevisionHistory _history;

    public StatefulSetController(KubernetesClient client, SharedInformerFactory informers, ILogger<StatefulSetController> logger)
        : base(logger)
    {
        _client = client;
        _sets = informers.GetInformer<StatefulSet>();
        _pods = informers.GetInformer<Pod>();
        _claims = informers.GetInformer<PersistentVolumeClaim>();
        var revisions = informers.GetInformer<ControllerRevision>();
        _history = new ControllerRevisionHistory(client, revisions);
        _sets.AddEventHandler(new ResourceEventHandler<StatefulSet>
        {
            Added = (set, _) => Enqueue(set),
            Updated = (_, set) => Enqueue(set),
        });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => EnqueueFor(pod),
            Updated = (old, pod) =>
            {
                EnqueueOwner(old);
                EnqueueFor(pod);
            },
            Deleted = (pod, _) => EnqueueOwner(pod),
        });
        revisions.AddEventHandler(new ResourceEventHandler<ControllerRevision>
        {
            Added = (r, _) => EnqueueOwner(r),
            Deleted = (r, _) => EnqueueOwner(r),
        });
    }

    private bool EnqueueOwner(Api.IKubernetesObject obj)
    {
        if (Owners.Controller(obj) is not { Kind: "StatefulSet" } owner)
            return false;
        Queue.Add($"{obj.Metadata!.Namespace}/{owner.Name}");
        return true;
    }

    /// <summary>A pod's owner, or for an orphan every set that could adopt it.</summary>
    private void EnqueueFor(Pod pod)
    {
        if (EnqueueOwner(pod) || pod.Metadata?.DeletionTimestamp is not null)
            return;
        foreach (var set in _sets.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
        {
            if (LabelSelectors.Matches(set.Spec?.Selector, pod.Metadata?.Labels))
                Enqueue(set);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var set = _sets.Cache.Get(key);
        if (set?.Spec is null || set.Metadata?.DeletionTimestamp is not null)
            return;

        var pods = await PodClaims.ClaimAsync(_client, set, Owners.ControllerReference(set, "apps/v1", "StatefulSet"),
            _pods.Cache.ByIndex(CacheIndexers.Namespace, set.Metadata!.Namespace ?? ""),
            pod => LabelSelectors.Matches(set.Spec.Selector, pod.Metadata?.Labels) && StatefulSetPods.Ordinal(set, pod) is not null,
            cancellationToken);

        var owned = _history.Owned(set);
        var (update, collisionCount) = await _history.EnsureAsync(set, Owners.ControllerReference(set, "apps/v1", "StatefulSet"),
            ControllerRevisionHistory.TemplatePatch(set.Spec.Template), set.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>(),
            HashLabel, owned, set.Status?.CollisionCount ?? 0, cancellationToken);
        var current = owned.FirstOrDefault(r => r.Metadata?.Name == set.Status?.CurrentRevision) ?? update;

        await SyncPodsAsync(set, pods, current, update, cancellationToken);
        await DeleteScaledDownClaimsAsync(set, pods, cancellationToken);

        var live = new HashSet<string>(pods.Select(StatefulSetPods.Revision).OfType<string>()) { current.Metadata!.Name!, update.Metadata!.Name! };
        await _history.TruncateAsync(owned, live, set.Spec.RevisionHistoryLimit ?? 10, cancellationToken);
        await UpdateStatusAsync(key, set, current, update, collisionCount, cancellationToken);
    }

    private static int Start(StatefulSet set) => set.Spec?.Ordinals?.Start ?? 0;

    private static bool OrderedReady(StatefulSet set) => set.Spec?.PodManagementPolicy != "Parallel";

    /// <summary>One step of upstream's sync: create and repair the pods in range, remove the condemned, then update.</summary>
    private async Task SyncPodsAsync(StatefulSet set, List<Pod> pods, ControllerRevision current, ControllerRevision update, CancellationToken cancellationToken)
    {
        var start = Start(set);
        var end = start + (set.Spec!.Replicas ?? 1);
        var ordered = OrderedReady(set);
        var byOrdinal = pods.ToDictionary(p => StatefulSetPods.Ordinal(set, p)!.Value);
        var condemned = byOrdinal.Where(p => p.Key < start || p.Key >= end).OrderByDescending(p => p.Key).Select(p => p.Value).ToList();

        for (var ordinal = start; ordinal < end; ordinal++)
        {
            byOrdinal.TryGetValue(ordinal, out var pod);
            if (pod is not null && StatefulSetPods.IsFinished(pod) && !StatefulSetPods.IsTerminating(pod))
            {
                // A failed or completed pod is replaced under the same name once it is gone.
                await PodClaims.DeleteAsync(_client, pod, cancellationToken);
                if (ordered)
                    return;
                continue;
            }

            if (pod is null)
            {
                var (revision, template) = RevisionFor(set, ordinal, current, update);
                await EnsureClaimsAsync(set, ordinal, cancellationToken);
                try
                {
                    await _client.Resource<Pod>().CreateAsync(StatefulSetPods.New(set, template, revision, ordinal), cancellationToken: cancellationToken);
                }
                catch (KubernetesApiException e) when (e.IsAlreadyExists)
                {
                    // Created by an earlier pass whose event has not arrived yet.
                }

                if (ordered)
                    return;
                continue;
            }

            if (ordered && (StatefulSetPods.IsTerminating(pod) || !StatefulSetPods.IsRunningAndReady(pod)))
                return;
            // A pod whose claim was deleted gets it back (it will use it when it is next created).
            await EnsureClaimsAsync(set, ordinal, cancellationToken);
        }

        foreach (var pod in condemned)
        {
            if (StatefulSetPods.IsTerminating(pod))
            {
                if (ordered)
                    return;
                continue;
            }

            // In order, the highest ordinal goes first and only while every other pod is healthy.
            if (ordered && pods.Any(p => p != pod && (StatefulSetPods.IsTerminating(p) || !StatefulSetPods.IsRunningAndReady(p))))
                return;
            await PodClaims.DeleteAsync(_client, pod, cancellationToken);
            if (ordered)
                return;
        }

        if (set.Spec.UpdateStrategy?.Type == "OnDelete")
            return;
        var partition = Math.Max(0, set.Spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0);
        for (var ordinal = end - 1; ordinal >= start + partition; ordinal--)
        {
            if (!byOrdinal.TryGetValue(ordinal, out var pod))
                return;
            if (StatefulSetPods.Revision(pod) != update.Metadata!.Name && !StatefulSetPods.IsTerminating(pod))
            {
                await PodClaims.DeleteAsync(_client, pod, cancellationToken);
                return;
            }

            if (StatefulSetPods.IsTerminating(pod) || !StatefulSetPods.IsRunningAndReady(pod))
                return;
        }
    }

    /// <summary>
    /// Which revision a new pod of <paramref name="ordinal"/> gets: during a rolling update, ordinals below the
    /// partition keep the current revision; everything else (and OnDelete) gets the update revision.
    /// </summary>
    private static (ControllerRevision Revision, PodTemplateSpec Template) RevisionFor(StatefulSet set, int ordinal, ControllerRevision current, ControllerRevision update)
    {
        var strategy = set.Spec!.UpdateStrategy;
        if (strategy?.Type != "OnDelete" && ordinal < Start(set) + (strategy?.RollingUpdate?.Partition ?? 0)
            && ControllerRevisionHistory.TemplateOf(current) is { } currentTemplate)
        {
            return (current, currentTemplate);
        }

        return (update, set.Spec.Template ?? new PodTemplateSpec());
    }

    /// <summary>Creates the ordinal's claims that do not exist yet.</summary>
    private async Task EnsureClaimsAsync(StatefulSet set, int ordinal, CancellationToken cancellationToken)
    {
        foreach (var template in set.Spec?.VolumeClaimTemplates ?? [])
        {
            var name = StatefulSetPods.ClaimName(template, set, ordinal);
            if (_claims.Cache.Get($"{set.Metadata!.Namespace}/{name}") is not null)
                continue;
            var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>());
            foreach (var (k, v) in set.Spec!.Selector?.MatchLabels ?? new Dictionary<string, string>())
                labels[k] = v;
            var claim = new PersistentVolumeClaim
            {
                ApiVersion = "v1",
                Kind = "PersistentVolumeClaim",
                Metadata = new ObjectMeta
                {
                    Name = name,
                    Namespace = set.Metadata.Namespace,
                    Labels = labels,
                    Annotations = template.Metadata?.Annotations,
                    // With whenDeleted: Delete the set owns its claims, so the garbage collector removes them with it.
                    OwnerReferences = set.Spec.PersistentVolumeClaimRetentionPolicy?.WhenDeleted == "Delete"
                        ? [new OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = set.Metadata.Name, Uid = set.Metadata.Uid, BlockOwnerDeletion = true }]
                        : null,
                },
                Spec = Owners.Clone(template.Spec),
            };
            try
            {
                await _client.Resource<PersistentVolumeClaim>().CreateAsync(claim, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Kept from an earlier pod of this ordinal: it is reused, which is the point.
            }
        }
    }

    /// <summary>With whenScaled: Delete, the claims of ordinals scaled away go once their pod is gone.</summary>
    private async Task DeleteScaledDownClaimsAsync(StatefulSet set, List<Pod> pods, CancellationToken cancellationToken)
    {
        if (set.Spec?.PersistentVolumeClaimRetentionPolicy?.WhenScaled != "Delete" || (set.Spec.VolumeClaimTemplates?.Count ?? 0) == 0)
            return;
        var start = Start(set);
        var end = start + (set.Spec.Replicas ?? 1);
        var podOrdinals = pods.Select(p => StatefulSetPods.Ordinal(set, p)).ToHashSet();
        foreach (var claim in _claims.Cache.ByIndex(CacheIndexers.Namespace, set.Metadata!.Namespace ?? ""))
        {
            if (claim.Metadata?.DeletionTimestamp is not null || !LabelSelectors.Matches(set.Spec.Selector, claim.Metadata?.Labels))
                continue;
            var ordinal = set.Spec.VolumeClaimTemplates!.Select(t => ClaimOrdinal(t, set, claim)).FirstOrDefault(o => o is not null);
            if (ordinal is not { } n || (n >= start && n < end) || podOrdinals.Contains(n))
                continue;
            try
            {
                await _client.Resource<PersistentVolumeClaim>().DeleteAsync(claim.Metadata!.Name!, claim.Metadata.Namespace, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                // Gone already.
            }
        }
    }

    private static int? ClaimOrdinal(PersistentVolumeClaim template, StatefulSet set, PersistentVolumeClaim claim)
    {
        var prefix = $"{template.Metadata?.Name}-{set.Metadata!.Name}-";
        var name = claim.Metadata?.Name ?? "";
        return name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            && name[prefix.Length..] == ordinal.ToString(CultureInfo.InvariantCulture) ? ordinal : null;
    }

    private async Task UpdateStatusAsync(string key, StatefulSet set, ControllerRevision current, ControllerRevision update, int collisionCount, CancellationToken cancellationToken)
    {
        // Counted from the informer after this pass's writes are seen: each write brings another pass.
        var pods = _pods.Cache.ByIndex(CacheIndexers.Namespace, set.Metadata!.Namespace ?? "")
            .Where(p => Owners.Controller(p)?.Uid == set.Metadata.Uid && StatefulSetPods.Ordinal(set, p) is not null)
            .ToList();
        var now = _client.Time.GetUtcNow();
        var minReady = set.Spec!.MinReadySeconds ?? 0;
        var live = pods.Where(p => !StatefulSetPods.IsTerminating(p)).ToList();
        var status = new StatefulSetStatus
        {
            ObservedGeneration = set.Metadata.Generation,
            Replicas = pods.Count,
            ReadyReplicas = pods.Count(StatefulSetPods.IsRunningAndReady),
            AvailableReplicas = pods.Count(p => StatefulSetPods.IsRunningAndReady(p) && PodReadiness.IsAvailable(p, minReady, now)),
            CurrentReplicas = live.Count(p => StatefulSetPods.Revision(p) == current.Metadata!.Name),
            UpdatedReplicas = live.Count(p => StatefulSetPods.Revision(p) == update.Metadata!.Name),
            CurrentRevision = current.Metadata!.Name,
            UpdateRevision = update.Metadata!.Name,
            CollisionCount = collisionCount,
            Conditions = set.Status?.Conditions,
        };
        // A rolling update is complete when every pod runs the update revision and is ready: it becomes current.
        if (set.Spec.UpdateStrategy?.Type != "OnDelete" && status.UpdatedReplicas == status.Replicas && status.ReadyReplicas == status.Replicas)
        {
            status.CurrentReplicas = status.UpdatedReplicas;
            status.CurrentRevision = status.UpdateRevision;
        }

        if (minReady > 0 && status.ReadyReplicas > status.AvailableReplicas)
            Queue.AddAfter(key, TimeSpan.FromSeconds(minReady));

        // Zero counts are omitted on the wire, so null and 0 are the same here.
        var old = set.Status ?? new StatefulSetStatus();
        if ((old.ObservedGeneration ?? 0) == status.ObservedGeneration && (old.Replicas ?? 0) == status.Replicas
            && (old.ReadyReplicas ?? 0) == status.ReadyReplicas && (old.AvailableReplicas ?? 0) == status.AvailableReplicas
            && (old.CurrentReplicas ?? 0) == status.CurrentReplicas && (old.UpdatedReplicas ?? 0) == status.UpdatedReplicas
            && old.CurrentRevision == status.CurrentRevision && old.UpdateRevision == status.UpdateRevision
            && (old.CollisionCount ?? 0) == status.CollisionCount)
        {
            return;
        }

        var updated = Owners.Clone(set);
        updated.Status = status;
        try
        {
            await _client.Resource<StatefulSet>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }
}
