using System.Globalization;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Deployments;

/// <summary>
/// Rolls each Deployment out through ReplicaSets named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>:
/// RollingUpdate within maxSurge/maxUnavailable or Recreate, the revision annotation (a template that returns to
/// an old one revives that ReplicaSet with a new revision: rollback), revisionHistoryLimit, paused, and status
/// with the Available and Progressing conditions <c>kubectl rollout status</c> reads.
/// </summary>
public sealed class DeploymentController : Reconciler
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    private const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<Deployment> _deployments;
    private readonly SharedInformer<ReplicaSet> _replicaSets;

    public DeploymentController(KubernetesClient client, SharedInformerFactory informers, ILogger<DeploymentController> logger)
        : base(logger)
    {
        _client = client;
        _deployments = informers.GetInformer<Deployment>();
        _replicaSets = informers.GetInformer<ReplicaSet>();
        _deployments.AddEventHandler(new ResourceEventHandler<Deployment>
        {
            Added = (d, _) => Enqueue(d),
            Updated = (_, d) => Enqueue(d),
        });
        _replicaSets.AddEventHandler(new ResourceEventHandler<ReplicaSet>
        {
            Added = (rs, _) => EnqueueOwner(rs),
            Updated = (old, rs) =>
            {
                EnqueueOwner(old);
                EnqueueOwner(rs);
            },
            Deleted = (rs, _) => EnqueueOwner(rs),
        });
    }

    private void EnqueueOwner(ReplicaSet rs)
    {
        if (Owners.Controller(rs) is { Kind: "Deployment" } owner)
            Queue.Add($"{rs.Metadata!.Namespace}/{owner.Name}");
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var deployment = _deployments.Cache.Get(key);
        if (deployment?.Metadata?.DeletionTimestamp is not null || deployment?.Spec is null)
            return;
        var owned = _replicaSets.Cache.ByIndex(CacheIndexers.Namespace, deployment.Metadata!.Namespace ?? "")
            .Where(rs => Owners.Controller(rs)?.Uid == deployment.Metadata.Uid)
            .Select(Owners.Clone)
            .ToList();
        var newRs = owned.FirstOrDefault(rs => PodTemplateHash.SameTemplate(rs.Spec?.Template, deployment.Spec.Template));
        var old = owned.Where(rs => rs != newRs).ToList();

        if (deployment.Spec.Paused != true)
        {
            newRs = await EnsureNewReplicaSetAsync(deployment, newRs, old, cancellationToken);
            if (deployment.Spec.Strategy?.Type == "Recreate")
                await RecreateAsync(deployment, newRs, old, cancellationToken);
            else
                await RollAsync(deployment, newRs, old, cancellationToken);
            await CleanUpAsync(deployment, old, cancellationToken);
        }

        await UpdateStatusAsync(deployment, newRs, old, cancellationToken);
    }

    private static int Revision(ReplicaSet rs) =>
        rs.Metadata?.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static string? AnnotationOf(Deployment deployment, string name) =>
        deployment.Metadata?.Annotations is { } annotations && annotations.TryGetValue(name, out var value) ? value : null;

    private static int Replicas(ReplicaSet? rs) => rs?.Spec?.Replicas ?? 0;

    /// <summary>Creates the ReplicaSet of the current template, or gives an old one revived by a rollback the next revision.</summary>
    private async Task<ReplicaSet> EnsureNewReplicaSetAsync(Deployment deployment, ReplicaSet? newRs, List<ReplicaSet> old, CancellationToken cancellationToken)
    {
        var nextRevision = (old.Count == 0 ? 0 : old.Max(Revision)) + 1;
        var replicaSets = _client.Resource<ReplicaSet>();
        if (newRs is not null)
        {
            if (Revision(newRs) >= nextRevision && AnnotationOf(deployment, RevisionAnnotation) == Revision(newRs).ToString(CultureInfo.InvariantCulture))
                return newRs;
            if (Revision(newRs) < nextRevision)
            {
                newRs.Metadata!.Annotations ??= new Dictionary<string, string>();
                newRs.Metadata.Annotations[RevisionAnnotation] = nextRevision.ToString(CultureInfo.InvariantCulture);
                newRs = await replicaSets.UpdateAsync(newRs, cancellationToken: cancellationToken);
            }

            await SetDeploymentRevisionAsync(deployment, Revision(newRs), cancellationToken);
            return newRs;
        }

        var hash = PodTemplateHash.Compute(deployment.Spec!.Template!, deployment.Status?.CollisionCount);
        var template = Owners.Clone(deployment.Spec.Template!);
        template.Metadata ??= new ObjectMeta();
        template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>()) { [PodTemplateHash.Label] = hash };
        var selector = Owners.Clone(deployment.Spec.Selector ?? new LabelSelector());
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? new Dictionary<string, string>()) { [PodTemplateHash.Label] = hash };
        var desired = deployment.Spec.Replicas ?? 1;
        var created = new ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new ObjectMeta
            {
                Name = $"{deployment.Metadata!.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = new Dictionary<string, string>
                {
                    [RevisionAnnotation] = nextRevision.ToString(CultureInfo.InvariantCulture),
                    [DesiredReplicasAnnotation] = desired.ToString(CultureInfo.InvariantCulture),
                    [MaxReplicasAnnotation] = (desired + MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture),
                },
                OwnerReferences = [Owners.ControllerReference(deployment, "apps/v1", "Deployment")],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = 0,
                MinReadySeconds = deployment.Spec.MinReadySeconds,
                Selector = selector,
                Template = template,
            },
        };
        try
        {
            newRs = await replicaSets.CreateAsync(created, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Our own earlier create whose event has not arrived yet, or a hash collision: retry from the cache later.
            throw;
        }

        await SetDeploymentRevisionAsync(deployment, nextRevision, cancellationToken);
        return newRs;
    }

    private async Task SetDeploymentRevisionAsync(Deployment deployment, int revision, CancellationToken cancellationToken)
    {
        var text = revision.ToString(CultureInfo.InvariantCulture);
        if (AnnotationOf(deployment, RevisionAnnotation) == text)
            return;
        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["annotations"] = new System.Text.Json.Nodes.JsonObject { [RevisionAnnotation] = text } },
        };
        await _client.Resource<Deployment>().PatchAsync(deployment.Metadata!.Name!, Patch.Merge(patch), deployment.Metadata.Namespace, cancellationToken: cancellationToken);
    }

    private static int MaxSurge(Deployment deployment)
    {
        if (deployment.Spec?.Strategy?.Type == "Recreate")
            return 0;
        var desired = deployment.Spec?.Replicas ?? 1;
        var surge = Resolve(deployment.Spec?.Strategy?.RollingUpdate?.MaxSurge, desired, roundUp: true, "25%");
        var unavailable = Resolve(deployment.Spec?.Strategy?.RollingUpdate?.MaxUnavailable, desired, roundUp: false, "25%");
        return surge == 0 && unavailable == 0 ? 0 : surge;
    }

    private static int MaxUnavailable(Deployment deployment)
    {
        var desired = deployment.Spec?.Replicas ?? 1;
        if (deployment.Spec?.Strategy?.Type == "Recreate")
            return desired;
        var surge = Resolve(deployment.Spec?.Strategy?.RollingUpdate?.MaxSurge, desired, roundUp: true, "25%");
        var unavailable = Resolve(deployment.Spec?.Strategy?.RollingUpdate?.MaxUnavailable, desired, roundUp: false, "25%");
        // Both zero would never make progress: upstream allows one unavailable then.
        if (surge == 0 && unavailable == 0)
            unavailable = 1;
        return Math.Min(unavailable, desired);
    }

    private static int Resolve(IntOrString? value, int total, bool roundUp, string fallback) =>
        (value ?? IntOrString.FromString(fallback)).TryGetScaledValue(total, roundUp, out var scaled) ? Math.Max(0, scaled) : 0;

    private async Task RollAsync(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old, CancellationToken cancellationToken)
    {
        var desired = deployment.Spec!.Replicas ?? 1;
        var all = old.Append(newRs).ToList();

        // Scale the new ReplicaSet up as far as maxSurge allows (or down to the desired count).
        if (Replicas(newRs) > desired)
        {
            await ScaleAsync(newRs, desired, deployment, cancellationToken);
        }
        else if (Replicas(newRs) < desired)
        {
            var maxTotal = desired + MaxSurge(deployment);
            var total = all.Sum(Replicas);
            if (total < maxTotal)
                await ScaleAsync(newRs, Replicas(newRs) + Math.Min(maxTotal - total, desired - Replicas(newRs)), deployment, cancellationToken);
        }

        // Scale old ReplicaSets down as far as maxUnavailable allows: first their unavailable pods, then the rest.
        var oldActive = old.Where(rs => Replicas(rs) > 0).OrderBy(rs => rs.Metadata?.CreationTimestamp?.Value ?? default).ToList();
        if (oldActive.Count == 0)
            return;
        var minAvailable = desired - MaxUnavailable(deployment);
        var newUnavailable = Math.Max(0, Replicas(newRs) - (newRs.Status?.AvailableReplicas ?? 0));
        var maxScaledDown = all.Sum(Replicas) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
            return;
        foreach (var rs in oldActive)
        {
            if (maxScaledDown <= 0)
                break;
            var unhealthy = Replicas(rs) - (rs.Status?.AvailableReplicas ?? 0);
            if (unhealthy <= 0)
                continue;
            var down = Math.Min(unhealthy, maxScaledDown);
            await ScaleAsync(rs, Replicas(rs) - down, deployment, cancellationToken);
            maxScaledDown -= down;
        }

        var totalAvailable = all.Sum(rs => Math.Min(Replicas(rs), rs.Status?.AvailableReplicas ?? 0));
        var scaleDown = Math.Min(maxScaledDown, totalAvailable - minAvailable);
        foreach (var rs in oldActive)
        {
            if (scaleDown <= 0)
                break;
            var down = Math.Min(Replicas(rs), scaleDown);
            if (down == 0)
                continue;
            await ScaleAsync(rs, Replicas(rs) - down, deployment, cancellationToken);
            scaleDown -= down;
        }
    }

    private async Task RecreateAsync(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old, CancellationToken cancellationToken)
    {
        foreach (var rs in old.Where(rs => Replicas(rs) > 0))
            await ScaleAsync(rs, 0, deployment, cancellationToken);
        // The new pods start only once every old pod is gone.
        if (old.Any(rs => Replicas(rs) > 0 || (rs.Status?.Replicas ?? 0) > 0))
            return;
        var desired = deployment.Spec!.Replicas ?? 1;
        if (Replicas(newRs) != desired)
            await ScaleAsync(newRs, desired, deployment, cancellationToken);
    }

    private async Task ScaleAsync(ReplicaSet rs, int replicas, Deployment deployment, CancellationToken cancellationToken)
    {
        var desired = deployment.Spec?.Replicas ?? 1;
        rs.Spec!.Replicas = replicas;
        rs.Metadata!.Annotations ??= new Dictionary<string, string>();
        rs.Metadata.Annotations[DesiredReplicasAnnotation] = desired.ToString(CultureInfo.InvariantCulture);
        rs.Metadata.Annotations[MaxReplicasAnnotation] = (desired + MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture);
        var updated = await _client.Resource<ReplicaSet>().UpdateAsync(rs, cancellationToken: cancellationToken);
        rs.Metadata = updated.Metadata;
        rs.Spec = updated.Spec;
    }

    /// <summary>Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit.</summary>
    private async Task CleanUpAsync(Deployment deployment, List<ReplicaSet> old, CancellationToken cancellationToken)
    {
        var limit = deployment.Spec?.RevisionHistoryLimit ?? 10;
        var idle = old.Where(rs => Replicas(rs) == 0 && (rs.Status?.Replicas ?? 0) == 0 && rs.Metadata?.DeletionTimestamp is null)
            .OrderBy(Revision)
            .ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                await _client.Resource<ReplicaSet>().DeleteAsync(rs.Metadata!.Name!, rs.Metadata.Namespace, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                // Gone already.
            }
        }
    }

    private async Task UpdateStatusAsync(Deployment deployment, ReplicaSet? newRs, List<ReplicaSet> old, CancellationToken cancellationToken)
    {
        var all = old.Append(newRs).OfType<ReplicaSet>().ToList();
        var desired = deployment.Spec!.Replicas ?? 1;
        var available = all.Sum(rs => rs.Status?.AvailableReplicas ?? 0);
        var status = new DeploymentStatus
        {
            ObservedGeneration = deployment.Metadata?.Generation,
            Replicas = all.Sum(rs => rs.Status?.Replicas ?? 0),
            UpdatedReplicas = newRs?.Status?.Replicas ?? 0,
            ReadyReplicas = all.Sum(rs => rs.Status?.ReadyReplicas ?? 0),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, desired - available),
            CollisionCount = deployment.Status?.CollisionCount,
        };
        var now = new Time(_client.Time.GetUtcNow());
        var conditions = (deployment.Status?.Conditions ?? []).Select(Owners.Clone).ToList();
        SetCondition(conditions, now, available >= desired - MaxUnavailable(deployment)
            ? ("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
            : ("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."));
        var complete = newRs is not null && status.UpdatedReplicas == desired && status.Replicas == desired && available == desired
            && Replicas(newRs) == desired && old.All(rs => Replicas(rs) == 0);
        if (deployment.Spec.Paused == true)
            SetCondition(conditions, now, ("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused"));
        else if (complete)
            SetCondition(conditions, now, ("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{newRs!.Metadata?.Name}\" has successfully progressed."));
        else if (newRs is not null)
            SetCondition(conditions, now, ("Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{newRs.Metadata?.Name}\" is progressing."));
        status.Conditions = conditions;

        // Zero counts are omitted on the wire, so null and 0 are the same here.
        var current = deployment.Status ?? new DeploymentStatus();
        if ((current.ObservedGeneration ?? 0) == (status.ObservedGeneration ?? 0) && (current.Replicas ?? 0) == status.Replicas
            && (current.UpdatedReplicas ?? 0) == status.UpdatedReplicas && (current.ReadyReplicas ?? 0) == status.ReadyReplicas
            && (current.AvailableReplicas ?? 0) == status.AvailableReplicas && (current.UnavailableReplicas ?? 0) == status.UnavailableReplicas
            && SameConditions(current.Conditions, conditions))
        {
            return;
        }

        var updated = Owners.Clone(deployment);
        updated.Status = status;
        try
        {
            await _client.Resource<Deployment>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }

    private static void SetCondition(List<DeploymentCondition> conditions, Time now, (string Type, string Status, string Reason, string Message) wanted)
    {
        var existing = conditions.FirstOrDefault(c => c.Type == wanted.Type);
        if (existing is not null && existing.Status == wanted.Status && existing.Reason == wanted.Reason && existing.Message == wanted.Message)
            return;
        var transition = existing is not null && existing.Status == wanted.Status ? existing.LastTransitionTime ?? now : now;
        conditions.RemoveAll(c => c.Type == wanted.Type);
        conditions.Add(new DeploymentCondition
        {
            Type = wanted.Type,
            Status = wanted.Status,
            Reason = wanted.Reason,
            Message = wanted.Message,
            LastUpdateTime = now,
            LastTransitionTime = transition,
        });
    }

    private static bool SameConditions(IList<DeploymentCondition>? a, List<DeploymentCondition> b) =>
        (a?.Count ?? 0) == b.Count && b.All(c => a!.Any(x => x.Type == c.Type && x.Status == c.Status && x.Reason == c.Reason && x.Message == c.Message));
}
