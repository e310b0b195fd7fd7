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
    private const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";

    // Annotations of a Deployment that are not the user's and so are not copied onto its ReplicaSets.
    private static readonly HashSet<string> NotCopiedAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration", RevisionAnnotation, RevisionHistoryAnnotation,
        DesiredReplicasAnnotation, MaxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ];

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
        var cached = _deployments.Cache.Get(key);
        if (cached?.Metadata?.DeletionTimestamp is not null || cached?.Spec is null)
            return;
        // A copy: the revision patch below moves its resourceVersion, which the status write must send.
        var deployment = Owners.Clone(cached);
        var owned = _replicaSets.Cache.ByIndex(CacheIndexers.Namespace, deployment.Metadata!.Namespace ?? "")
            .Where(rs => Owners.Controller(rs)?.Uid == deployment.Metadata.Uid)
            .Select(Owners.Clone)
            .ToList();
        var newRs = owned.FirstOrDefault(rs => PodTemplateHash.SameTemplate(rs.Spec?.Template, deployment.Spec!.Template));
        var old = owned.Where(rs => rs != newRs).ToList();
        var now = new Time(_client.Time.GetUtcNow()).TruncateToSeconds();
        var conditions = (deployment.Status?.Conditions ?? []).Select(Owners.Clone).ToList();
        SetPausedCondition(deployment, conditions, now);

        if (deployment.Spec!.Paused == true)
        {
            // Paused: no rollout, but replicas still follow the Deployment's (kubectl scale) and history is trimmed.
            await ScalePausedAsync(deployment, newRs, owned, cancellationToken);
            await CleanUpAsync(deployment, old, cancellationToken);
            await UpdateStatusAsync(key, deployment, newRs, old, conditions, now, trackProgress: false, cancellationToken);
            return;
        }

        newRs = await EnsureNewReplicaSetAsync(deployment, newRs, old, conditions, now, cancellationToken);
        if (deployment.Spec.Strategy?.Type == "Recreate")
            await RecreateAsync(deployment, newRs, old, cancellationToken);
        else
            await RollAsync(deployment, newRs, old, cancellationToken);
        await CleanUpAsync(deployment, old, cancellationToken);
        await UpdateStatusAsync(key, deployment, newRs, old, conditions, now, trackProgress: true, cancellationToken);
    }

    /// <summary>Whether the Deployment has a progress deadline: upstream reads the largest int32 as none.</summary>
    private static bool HasProgressDeadline(Deployment deployment) =>
        deployment.Spec?.ProgressDeadlineSeconds is { } seconds && seconds != int.MaxValue;

    /// <summary>Progressing Unknown with DeploymentPaused or DeploymentResumed, never over a reported ProgressDeadlineExceeded.</summary>
    private static void SetPausedCondition(Deployment deployment, List<DeploymentCondition> conditions, Time now)
    {
        if (!HasProgressDeadline(deployment))
            return;
        var current = DeploymentConditions.Get(conditions, DeploymentConditions.Progressing);
        if (current?.Reason == DeploymentConditions.ProgressDeadlineExceeded)
            return;
        var pausedShown = current?.Reason == DeploymentConditions.DeploymentPaused;
        if (deployment.Spec!.Paused == true && !pausedShown)
        {
            DeploymentConditions.Set(conditions, DeploymentConditions.New(
                DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused", now));
        }
        else if (deployment.Spec.Paused != true && pausedShown)
        {
            DeploymentConditions.Set(conditions, DeploymentConditions.New(
                DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentResumed, "Deployment is resumed", now));
        }
    }

    /// <summary>
    /// Brings the active ReplicaSets of a paused Deployment to its replica count: the difference goes to the newest
    /// active one (then older ones when scaling down empties it), as a paused rollout stays where it stopped.
    /// </summary>
    private async Task ScalePausedAsync(Deployment deployment, ReplicaSet? newRs, List<ReplicaSet> owned, CancellationToken cancellationToken)
    {
        var desired = deployment.Spec!.Replicas ?? 1;
        var active = owned.Where(rs => Replicas(rs) > 0).OrderByDescending(Revision).ToList();
        var difference = desired - active.Sum(Replicas);
        if (difference == 0)
            return;
        if (difference > 0)
        {
            var target = active.FirstOrDefault() ?? newRs ?? owned.OrderByDescending(Revision).FirstOrDefault();
            if (target is not null)
                await ScaleAsync(target, Replicas(target) + difference, deployment, cancellationToken);
            return;
        }

        foreach (var rs in active)
        {
            if (difference == 0)
                break;
            var down = Math.Min(Replicas(rs), -difference);
            await ScaleAsync(rs, Replicas(rs) - down, deployment, cancellationToken);
            difference += down;
        }
    }

    private static int Revision(ReplicaSet rs) =>
        rs.Metadata?.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static string? AnnotationOf(Deployment deployment, string name) =>
        deployment.Metadata?.Annotations is { } annotations && annotations.TryGetValue(name, out var value) ? value : null;

    private static int Replicas(ReplicaSet? rs) => rs?.Spec?.Replicas ?? 0;

    /// <summary>
    /// Creates the ReplicaSet of the current template, or brings the existing one up to date: the Deployment's
    /// annotations (kubernetes.io/change-cause, which <c>kubectl rollout history</c> shows), and for one revived by a
    /// rollback the next revision (its old one kept in revision-history). Notes the Progressing condition as upstream.
    /// </summary>
    private async Task<ReplicaSet> EnsureNewReplicaSetAsync(
        Deployment deployment, ReplicaSet? newRs, List<ReplicaSet> old, List<DeploymentCondition> conditions, Time now, CancellationToken cancellationToken)
    {
        var nextRevision = (old.Count == 0 ? 0 : old.Max(Revision)) + 1;
        var replicaSets = _client.Resource<ReplicaSet>();
        if (newRs is not null)
        {
            var annotations = new Dictionary<string, string>(newRs.Metadata!.Annotations ?? new Dictionary<string, string>());
            var changed = CopyDeploymentAnnotations(deployment, annotations);
            if (Revision(newRs) < nextRevision)
            {
                if (Revision(newRs) > 0)
                {
                    var history = annotations.TryGetValue(RevisionHistoryAnnotation, out var earlier) && earlier.Length > 0 ? earlier + "," : "";
                    annotations[RevisionHistoryAnnotation] = history + Revision(newRs).ToString(CultureInfo.InvariantCulture);
                }

                annotations[RevisionAnnotation] = nextRevision.ToString(CultureInfo.InvariantCulture);
                changed = true;
            }

            if (changed)
            {
                newRs.Metadata.Annotations = annotations;
                newRs = await replicaSets.UpdateAsync(newRs, cancellationToken: cancellationToken);
            }

            await SetDeploymentRevisionAsync(deployment, Revision(newRs), cancellationToken);
            if (HasProgressDeadline(deployment) && DeploymentConditions.Get(conditions, DeploymentConditions.Progressing) is null)
            {
                DeploymentConditions.Set(conditions, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{newRs.Metadata!.Name}\"", now));
                await WriteConditionsAsync(deployment, conditions, cancellationToken);
            }

            return newRs;
        }

        var hash = PodTemplateHash.Compute(deployment.Spec!.Template!, deployment.Status?.CollisionCount);
        var template = Owners.Clone(deployment.Spec.Template!);
        template.Metadata ??= new ObjectMeta();
        template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>()) { [PodTemplateHash.Label] = hash };
        var selector = Owners.Clone(deployment.Spec.Selector ?? new LabelSelector());
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? new Dictionary<string, string>()) { [PodTemplateHash.Label] = hash };
        var desired = deployment.Spec.Replicas ?? 1;
        var createdAnnotations = new Dictionary<string, string>();
        CopyDeploymentAnnotations(deployment, createdAnnotations);
        createdAnnotations[RevisionAnnotation] = nextRevision.ToString(CultureInfo.InvariantCulture);
        createdAnnotations[DesiredReplicasAnnotation] = desired.ToString(CultureInfo.InvariantCulture);
        createdAnnotations[MaxReplicasAnnotation] = (desired + MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture);
        var created = new ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new ObjectMeta
            {
                Name = $"{deployment.Metadata!.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = createdAnnotations,
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
        if (HasProgressDeadline(deployment))
        {
            DeploymentConditions.Set(conditions, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{newRs.Metadata!.Name}\"", now));
            await WriteConditionsAsync(deployment, conditions, cancellationToken);
        }

        return newRs;
    }

    /// <summary>
    /// Writes the conditions at once (the rest of the status as it was): should the rest of the pass fail, the next
    /// one finds the new ReplicaSet noted rather than an earlier condition (a ProgressDeadlineExceeded) to carry on.
    /// </summary>
    private async Task WriteConditionsAsync(Deployment deployment, List<DeploymentCondition> conditions, CancellationToken cancellationToken)
    {
        var updated = Owners.Clone(deployment);
        updated.Status ??= new DeploymentStatus();
        updated.Status.Conditions = [.. conditions.Select(Owners.Clone)];
        var written = await _client.Resource<Deployment>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        deployment.Metadata = written.Metadata;
        deployment.Status = written.Status;
    }

    /// <summary>Copies the Deployment's own annotations (not the controller's or kubectl's bookkeeping) onto a ReplicaSet's.</summary>
    private static bool CopyDeploymentAnnotations(Deployment deployment, Dictionary<string, string> target)
    {
        var changed = false;
        foreach (var (name, value) in deployment.Metadata?.Annotations ?? new Dictionary<string, string>())
        {
            if (NotCopiedAnnotations.Contains(name) || (target.TryGetValue(name, out var present) && present == value))
                continue;
            target[name] = value;
            changed = true;
        }

        return changed;
    }

    private async Task SetDeploymentRevisionAsync(Deployment deployment, int revision, CancellationToken cancellationToken)
    {
        var text = revision.ToString(CultureInfo.InvariantCulture);
        if (AnnotationOf(deployment, RevisionAnnotation) == text)
            return;
        // An update, not a patch: it fails on a stale copy, whose status must not be written after it either.
        var annotated = Owners.Clone(deployment);
        annotated.Metadata!.Annotations ??= new Dictionary<string, string>();
        annotated.Metadata.Annotations[RevisionAnnotation] = text;
        var updated = await _client.Resource<Deployment>().UpdateAsync(annotated, cancellationToken: cancellationToken);
        // The status written next goes with the updated object's resourceVersion.
        deployment.Metadata = updated.Metadata;
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

    /// <summary>
    /// Writes the status: counts, the Available condition, and (during a rollout) Progressing as upstream's
    /// controller keeps it: NewReplicaSetAvailable when complete, ReplicaSetUpdated renewed whenever pods progress,
    /// ProgressDeadlineExceeded once progressDeadlineSeconds pass after the last progress; the key comes back at that
    /// deadline to notice it.
    /// </summary>
    private async Task UpdateStatusAsync(
        string key, Deployment deployment, ReplicaSet? newRs, List<ReplicaSet> old, List<DeploymentCondition> conditions, Time now,
        bool trackProgress, CancellationToken cancellationToken)
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
            UnavailableReplicas = Math.Max(0, all.Sum(Replicas) - available),
            CollisionCount = deployment.Status?.CollisionCount,
        };
        DeploymentConditions.Set(conditions, available >= desired - StatusMaxUnavailable(deployment)
            ? DeploymentConditions.New(DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", now)
            : DeploymentConditions.New(DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now));
        if (trackProgress)
            SetProgressingCondition(deployment, newRs, status, conditions, now);
        status.Conditions = conditions;

        // Zero counts are omitted on the wire, so null and 0 are the same here.
        var current = deployment.Status ?? new DeploymentStatus();
        if ((current.ObservedGeneration ?? 0) != (status.ObservedGeneration ?? 0) || (current.Replicas ?? 0) != status.Replicas
            || (current.UpdatedReplicas ?? 0) != status.UpdatedReplicas || (current.ReadyReplicas ?? 0) != status.ReadyReplicas
            || (current.AvailableReplicas ?? 0) != status.AvailableReplicas || (current.UnavailableReplicas ?? 0) != status.UnavailableReplicas
            || !DeploymentConditions.Same(current.Conditions, conditions))
        {
            var updated = Owners.Clone(deployment);
            updated.Status = status;
            try
            {
                await _client.Resource<Deployment>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return;
            }
        }

        if (trackProgress)
            RequeueAtProgressDeadline(key, deployment, status, now);
    }

    /// <summary>Upstream's maxUnavailable as the Available condition reads it: none for Recreate or zero replicas.</summary>
    private static int StatusMaxUnavailable(Deployment deployment) =>
        deployment.Spec?.Strategy?.Type == "Recreate" || (deployment.Spec?.Replicas ?? 1) == 0 ? 0 : MaxUnavailable(deployment);

    private static bool Complete(Deployment deployment, DeploymentStatus status)
    {
        var desired = deployment.Spec!.Replicas ?? 1;
        return status.UpdatedReplicas == desired && status.Replicas == desired && status.AvailableReplicas == desired
            && (status.ObservedGeneration ?? 0) >= (deployment.Metadata?.Generation ?? 0);
    }

    /// <summary>Progress since the last status: more updated, ready or available pods, or fewer old ones.</summary>
    private static bool Progressed(Deployment deployment, DeploymentStatus status)
    {
        var before = deployment.Status ?? new DeploymentStatus();
        var oldBefore = (before.Replicas ?? 0) - (before.UpdatedReplicas ?? 0);
        var oldNow = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
        return (status.UpdatedReplicas ?? 0) > (before.UpdatedReplicas ?? 0) || oldNow < oldBefore
            || (status.ReadyReplicas ?? 0) > (before.ReadyReplicas ?? 0) || (status.AvailableReplicas ?? 0) > (before.AvailableReplicas ?? 0);
    }

    private static bool TimedOut(Deployment deployment, DeploymentCondition? progressing, Time now)
    {
        if (!HasProgressDeadline(deployment) || progressing is null || progressing.Reason == DeploymentConditions.NewReplicaSetAvailable)
            return false;
        if (progressing.Reason == DeploymentConditions.ProgressDeadlineExceeded)
            return true;
        var from = progressing.LastUpdateTime ?? now;
        return from.Value.AddSeconds(deployment.Spec!.ProgressDeadlineSeconds!.Value) < now.Value;
    }

    private static void SetProgressingCondition(Deployment deployment, ReplicaSet? newRs, DeploymentStatus status, List<DeploymentCondition> conditions, Time now)
    {
        if (!HasProgressDeadline(deployment))
        {
            conditions.RemoveAll(c => c.Type == DeploymentConditions.Progressing);
            return;
        }

        var current = DeploymentConditions.Get(conditions, DeploymentConditions.Progressing);
        // A finished rollout stays finished while its pods only scale.
        if (status.Replicas == status.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable)
            return;
        var subject = newRs is null ? $"Deployment \"{deployment.Metadata!.Name}\"" : $"ReplicaSet \"{newRs.Metadata!.Name}\"";
        if (Complete(deployment, status))
        {
            DeploymentConditions.Set(conditions, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                DeploymentConditions.NewReplicaSetAvailable, $"{subject} has successfully progressed.", now));
        }
        else if (Progressed(deployment, status))
        {
            // Renewed on every progress (its lastUpdateTime starts the deadline again), keeping the transition time.
            var condition = DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, $"{subject} is progressing.", now);
            if (current?.Status == "True")
                condition.LastTransitionTime = current.LastTransitionTime;
            conditions.RemoveAll(c => c.Type == DeploymentConditions.Progressing);
            conditions.Add(condition);
        }
        else if (TimedOut(deployment, current, now))
        {
            DeploymentConditions.Set(conditions, DeploymentConditions.New(DeploymentConditions.Progressing, "False",
                DeploymentConditions.ProgressDeadlineExceeded, $"{subject} has timed out progressing.", now));
        }
    }

    /// <summary>Queues the Deployment again when its progress deadline passes, unless it is complete or past it already.</summary>
    private void RequeueAtProgressDeadline(string key, Deployment deployment, DeploymentStatus status, Time now)
    {
        var progressing = DeploymentConditions.Get(status.Conditions, DeploymentConditions.Progressing);
        if (!HasProgressDeadline(deployment) || progressing is null || Complete(deployment, status)
            || progressing.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return;
        }

        var after = (progressing.LastUpdateTime ?? now).Value.AddSeconds(deployment.Spec!.ProgressDeadlineSeconds!.Value) - now.Value;
        // A second more, so that the deadline has surely passed when the key comes back.
        Queue.AddAfter(key, after < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : after + TimeSpan.FromSeconds(1));
    }
}
