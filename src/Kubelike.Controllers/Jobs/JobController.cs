using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Batch.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.ReplicaSets;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Jobs;

/// <summary>
/// Runs each Job's pods to completion, as upstream's Job controller: up to parallelism pods at a time until
/// completions succeed (NonIndexed, or Indexed with one success per index), replacement of failed pods after an
/// exponential back-off, backoffLimit and activeDeadlineSeconds (FailureTarget, then Failed once the pods are gone),
/// successPolicy (SuccessCriteriaMet, then Complete), suspend and resume. Finished pods are counted through the
/// <c>batch.kubernetes.io/job-tracking</c> finalizer and status.uncountedTerminatedPods, so none is counted twice
/// or lost when it is deleted.
/// </summary>
public sealed class JobController : Reconciler
{
    private const int MaxUncountedPods = 500;
    private const int MaxPodCreateDeletePerSync = 500;
    private const int SlowStartInitialBatch = 1;

    /// <summary>Queue keys of pods whose tracking finalizer must go because no live Job will count them.</summary>
    private const string OrphanPodPrefix = "pod:";

    private readonly KubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly SharedInformer<Job> _jobs;
    private readonly SharedInformer<Pod> _pods;
    private readonly PodExpectations _expectations;
    private readonly FinalizerExpectations _finalizers = new();
    private readonly PodFailureBackoff _backoff = new();

    public JobController(KubernetesClient client, SharedInformerFactory informers, ILogger<JobController> logger)
        : base(logger)
    {
        _client = client;
        _time = client.Time;
        _expectations = new PodExpectations(_time);
        _jobs = informers.GetInformer<Job>();
        _pods = informers.GetInformer<Pod>();
        _jobs.AddEventHandler(new ResourceEventHandler<Job>
        {
            Added = (job, _) => Enqueue(job),
            Updated = (_, job) => Enqueue(job),
            Deleted = (job, _) =>
            {
                var key = ObjectAccessor.GetKey(job);
                _expectations.Forget(key);
                _finalizers.Forget(key);
                _backoff.Remove(key);
                // Its pods may still carry the finalizer: nobody will count them now.
                foreach (var pod in _pods.Cache.ByIndex(CacheIndexers.Namespace, job.Metadata?.Namespace ?? ""))
                {
                    if (HasFinalizer(pod) && Owners.Controller(pod)?.Uid == job.Metadata?.Uid)
                        Queue.Add(OrphanPodPrefix + ObjectAccessor.GetKey(pod));
                }
            },
        });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => PodChanged(null, pod),
            Updated = PodChanged,
            Deleted = (pod, _) =>
            {
                if (OwningJob(pod) is { } job)
                {
                    var key = ObjectAccessor.GetKey(job);
                    _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
                    _finalizers.Observed(key, pod.Metadata?.Uid ?? "");
                    Queue.Add(key);
                }
            },
        });
    }

    private void PodChanged(Pod? old, Pod pod)
    {
        if (old is not null && old.Metadata?.ResourceVersion == pod.Metadata?.ResourceVersion)
            return;
        var podKey = ObjectAccessor.GetKey(pod);
        if (old is not null && Owners.Controller(old) is { } before && before.Uid != Owners.Controller(pod)?.Uid && OwningJob(old) is { } previous)
            Queue.Add(ObjectAccessor.GetKey(previous));
        if (OwningJob(pod) is { } job)
        {
            var key = ObjectAccessor.GetKey(job);
            if (pod.Metadata?.DeletionTimestamp is not null)
                _expectations.DeletionObserved(key, podKey);
            else if (old is null)
                _expectations.CreationObserved(key);
            if (!HasFinalizer(pod))
                _finalizers.Observed(key, pod.Metadata?.Uid ?? "");
            Queue.Add(key);
            if (HasFinalizer(pod) && JobConditions.IsFinished(job))
                Queue.Add(OrphanPodPrefix + podKey);
            return;
        }

        if (HasFinalizer(pod))
            Queue.Add(OrphanPodPrefix + podKey);
        if (Owners.Controller(pod) is null && pod.Metadata?.DeletionTimestamp is null)
        {
            // An orphan: a Job whose selector matches may adopt it.
            foreach (var candidate in _jobs.Cache.ByIndex(CacheIndexers.Namespace, pod.Metadata?.Namespace ?? ""))
            {
                if (LabelSelectors.Matches(candidate.Spec?.Selector, pod.Metadata?.Labels))
                    Enqueue(candidate);
            }
        }
    }

    /// <summary>The Job in the cache that the pod's controller reference names (same uid), if any.</summary>
    private Job? OwningJob(Pod pod)
    {
        if (Owners.Controller(pod) is not { Kind: "Job" } owner)
            return null;
        var job = _jobs.Cache.Get(pod.Metadata?.Namespace, owner.Name ?? "");
        return job?.Metadata?.Uid == owner.Uid ? job : null;
    }

    private static bool HasFinalizer(Pod pod) => pod.Metadata?.Finalizers?.Contains(JobLabels.TrackingFinalizer) == true;

    private static bool IsTerminal(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    private static bool IsTerminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null && !IsTerminal(pod);

    private static bool IsIndexed(Job job) => job.Spec?.CompletionMode == "Indexed";

    private static bool IsSuspended(Job job) => job.Spec?.Suspend == true;

    /// <summary>Replacements wait until a pod has failed (not merely started terminating).</summary>
    private static bool OnlyReplaceFailedPods(Job job) => job.Spec?.PodReplacementPolicy == "Failed" || job.Spec?.PodFailurePolicy is not null;

    /// <summary>Failed, or (unless only failed pods are replaced) deleted before it succeeded.</summary>
    private static bool IsPodFailed(Pod pod, Job job) =>
        pod.Status?.Phase == "Failed"
        || (!OnlyReplaceFailedPods(job) && pod.Metadata?.DeletionTimestamp is not null && pod.Status?.Phase != "Succeeded");

    /// <summary>The pod's completion index, or -1.</summary>
    public static int CompletionIndex(Pod pod) =>
        pod.Metadata?.Annotations?.TryGetValue(JobLabels.CompletionIndex, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;

    private static bool HasValidIndex(Job job, Pod pod) => CompletionIndex(pod) is var ix and >= 0 && ix < (job.Spec?.Completions ?? 0);

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (key.StartsWith(OrphanPodPrefix, StringComparison.Ordinal))
        {
            await ReleaseOrphanAsync(key[OrphanPodPrefix.Length..], cancellationToken);
            return;
        }

        var cached = _jobs.Cache.Get(key);
        if (cached is null)
        {
            _expectations.Forget(key);
            _finalizers.Forget(key);
            _backoff.Remove(key);
            return;
        }

        if (cached.Spec?.ManagedBy is { } managedBy && managedBy != JobLabels.ManagedByJobController)
            return;
        if (JobConditions.IsFinished(cached))
        {
            _backoff.Remove(key);
            return;
        }

        if (cached.Spec?.CompletionMode is { } mode && mode is not ("NonIndexed" or "Indexed"))
            return;
        await SyncAsync(key, Owners.Clone(cached), cancellationToken);
    }

    private async Task SyncAsync(string key, Job job, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        job.Status ??= new JobStatus();
        job.Status.UncountedTerminatedPods ??= new UncountedTerminatedPods();
        // Expectations first: a pod created after this point is seen by the next sync, never half by this one.
        var satisfied = _expectations.Satisfied(key);
        var pods = await ClaimPodsAsync(job, cancellationToken);
        var sync = new SyncState(key, job, pods, _finalizers.Expected(key));
        var newSucceeded = sync.NewFinished(sync.UncountedSucceeded, p => p.Status?.Phase == "Succeeded");
        var newFailed = sync.NewFinished(sync.UncountedFailed, p => IsPodFailed(p, job));
        sync.Succeeded = (job.Status.Succeeded ?? 0) + newSucceeded.Count + sync.UncountedSucceeded.Count;
        sync.Failed = (job.Status.Failed ?? 0) + newFailed.Count + sync.UncountedFailed.Count;
        if (job.Status.StartTime is null && !IsSuspended(job))
            job.Status.StartTime = now;
        sync.NewBackoff = _backoff.Next(key, newSucceeded, newFailed);

        sync.Finished = FinishedBefore(job, now);
        if (sync.Finished is null)
        {
            var backoffLimit = job.Spec?.BackoffLimit ?? 6;
            if (sync.Failed > backoffLimit || PastBackoffLimitOnFailure(job, pods))
            {
                sync.Finished = JobConditions.New(JobConditions.FailureTarget, "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
            }
            else if (PastActiveDeadline(job, now))
            {
                sync.Finished = JobConditions.New(JobConditions.FailureTarget, "True", "DeadlineExceeded", "Job was active longer than specified deadline", now);
            }
            else if (job.Spec?.ActiveDeadlineSeconds is { } deadline && !IsSuspended(job))
            {
                // Come back when the deadline passes.
                Queue.AddAfter(key, job.Status.StartTime!.Value.Value + TimeSpan.FromSeconds(deadline) - now);
            }
        }

        if (IsIndexed(job))
        {
            var completions = job.Spec!.Completions ?? 0;
            sync.PreviousSucceededIndexes = CompletionIndexes.Parse(job.Status.CompletedIndexes, completions);
            sync.SucceededIndexes = sync.PreviousSucceededIndexes.With(pods
                .Where(p => p.Status?.Phase == "Succeeded" && HasValidIndex(job, p) && HasFinalizer(p))
                .Select(CompletionIndex));
            sync.Succeeded = sync.SucceededIndexes.Total;
            if (sync.Finished is null && SuccessPolicies.Match(job.Spec.SuccessPolicy, completions, sync.SucceededIndexes) is { } message)
                sync.Finished = JobConditions.New(JobConditions.SuccessCriteriaMet, "True", "SuccessPolicy", message, now);
        }

        var active = sync.Active.Count;
        var suspendChanged = false;
        if (sync.Finished is not null)
        {
            // Finished (or about to be): stop what still runs; the Job is declared finished once they are gone.
            var (deletedReady, deleted) = await DeletePodsAsync(key, job, sync.Active, removeFinalizers: false, cancellationToken);
            if (deleted != active || !satisfied)
                sync.Finished = null;
            active -= deleted;
            sync.Terminating += deleted;
            sync.Ready -= deletedReady;
        }
        else
        {
            var managed = false;
            if (satisfied && job.Metadata?.DeletionTimestamp is null)
            {
                active = await ManageAsync(sync, now, cancellationToken);
                managed = true;
            }

            var complete = job.Spec?.Completions is { } completions
                ? sync.Succeeded >= completions && active == 0
                : sync.Succeeded > 0 && active == 0;
            if (complete)
            {
                sync.Finished = JobConditions.New(JobConditions.SuccessCriteriaMet, "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
            }
            else if (managed)
            {
                if (IsSuspended(job))
                {
                    suspendChanged = JobConditions.Ensure(job.Status, JobConditions.Suspended, "True", "JobSuspended", "Job suspended", now);
                }
                else if (JobConditions.Ensure(job.Status, JobConditions.Suspended, "False", "JobResumed", "Job resumed", now))
                {
                    suspendChanged = true;
                    // The active deadline counts from the resume.
                    job.Status.StartTime = now;
                }
            }
        }

        var needsStatusUpdate = suspendChanged || active != (job.Status.Active ?? 0) || sync.Ready != (job.Status.Ready ?? 0)
            || sync.Terminating != (job.Status.Terminating ?? 0);
        job.Status.Active = active;
        job.Status.Ready = sync.Ready;
        job.Status.Terminating = sync.Terminating;
        await TrackStatusAsync(sync, needsStatusUpdate, now, cancellationToken);
    }

    /// <summary>The outcome a previous sync already decided: SuccessCriteriaMet, or Failed after a FailureTarget.</summary>
    private static JobCondition? FinishedBefore(Job job, DateTimeOffset now)
    {
        if (JobConditions.Find(job, JobConditions.SuccessCriteriaMet) is { Status: "True" } met)
            return met;
        if (JobConditions.Find(job, JobConditions.FailureTarget) is { Status: "True" } target)
            return JobConditions.New(JobConditions.Failed, "True", target.Reason, target.Message, now);
        return null;
    }

    /// <summary>With restartPolicy OnFailure, the container restarts of running pods count against backoffLimit.</summary>
    private static bool PastBackoffLimitOnFailure(Job job, IReadOnlyList<Pod> pods)
    {
        if (job.Spec?.Template?.Spec?.RestartPolicy != "OnFailure")
            return false;
        var restarts = pods.Where(p => p.Status?.Phase is "Running" or "Pending")
            .Sum(p => (p.Status?.InitContainerStatuses ?? []).Concat(p.Status?.ContainerStatuses ?? []).Sum(s => s.RestartCount ?? 0));
        var limit = job.Spec.BackoffLimit ?? 6;
        return limit == 0 ? restarts > 0 : restarts >= limit;
    }

    private static bool PastActiveDeadline(Job job, DateTimeOffset now) =>
        job.Spec?.ActiveDeadlineSeconds is { } deadline && job.Status?.StartTime is { } start && !IsSuspended(job)
        && now - start.Value >= TimeSpan.FromSeconds(deadline);

    /// <summary>Creates or deletes pods towards the wanted number of active ones; returns the active count after.</summary>
    private async Task<int> ManageAsync(SyncState sync, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = sync.Job;
        var active = sync.Active.Count;
        if (IsSuspended(job))
        {
            var (removedReady, removed) = await DeletePodsAsync(sync.Key, job, PodsForRemoval(job, sync.Active, active), removeFinalizers: true, cancellationToken);
            sync.Terminating += removed;
            sync.Ready -= removedReady;
            return active - removed;
        }

        var parallelism = job.Spec?.Parallelism ?? 1;
        var wantActive = job.Spec?.Completions is { } completions
            ? Math.Clamp(completions - sync.Succeeded, 0, parallelism)
            : sync.Succeeded > 0 ? active : parallelism;
        var toDelete = PodsForRemoval(job, sync.Active, Math.Max(0, active - wantActive)).Take(MaxPodCreateDeletePerSync).ToList();
        if (toDelete.Count > 0)
        {
            // Deletions first; creations wait for the next sync.
            var (removedReady, removed) = await DeletePodsAsync(sync.Key, job, toDelete, removeFinalizers: true, cancellationToken);
            sync.Terminating += removed;
            sync.Ready -= removedReady;
            return active - removed;
        }

        var diff = wantActive - (OnlyReplaceFailedPods(job) ? sync.Terminating : 0) - active;
        if (diff <= 0)
            return active;
        var remaining = sync.NewBackoff.RemainingTime(now);
        if (remaining > TimeSpan.Zero)
        {
            Queue.AddAfter(sync.Key, remaining);
            return active;
        }

        diff = Math.Min(diff, MaxPodCreateDeletePerSync);
        var indexes = new Queue<int>();
        if (IsIndexed(job))
        {
            foreach (var index in sync.FirstPendingIndexes(diff, OnlyReplaceFailedPods(job)))
                indexes.Enqueue(index);
            diff = indexes.Count;
        }

        return active + await CreatePodsAsync(sync.Key, job, diff, indexes, cancellationToken);
    }

    /// <summary>Creates <paramref name="count"/> pods in slow-start batches (1, 2, 4, ...); returns how many were created.</summary>
    private async Task<int> CreatePodsAsync(string key, Job job, int count, Queue<int> indexes, CancellationToken cancellationToken)
    {
        if (count <= 0)
            return 0;
        _expectations.ExpectCreations(key, count);
        var pods = _client.Resource<Pod>();
        var created = 0;
        var attempted = 0;
        for (var batch = Math.Min(count, SlowStartInitialBatch); attempted < count; batch = Math.Min(2 * batch, count - attempted))
        {
            var templates = Enumerable.Range(0, batch).Select(_ => NewPod(job, indexes.Count > 0 ? indexes.Dequeue() : -1)).ToList();
            attempted += batch;
            var results = await Task.WhenAll(templates.Select(async pod =>
            {
                try
                {
                    await pods.CreateAsync(pod, cancellationToken: cancellationToken);
                    return (KubernetesApiException?)null;
                }
                catch (KubernetesApiException e)
                {
                    return e;
                }
            }));
            var failures = results.OfType<KubernetesApiException>().ToList();
            created += batch - failures.Count;
            foreach (var _ in failures)
                _expectations.CreationObserved(key);
            if (failures.Count > 0)
            {
                // The rest would most likely fail the same way: they are retried by a later sync.
                for (var skipped = attempted; skipped < count; skipped++)
                    _expectations.CreationObserved(key);
                throw failures[0];
            }
        }

        return created;
    }

    private static Pod NewPod(Job job, int index)
    {
        var template = Owners.Clone(job.Spec?.Template ?? new PodTemplateSpec());
        template.Metadata ??= new ObjectMeta();
        template.Spec ??= new PodSpec();
        var labels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>());
        var annotations = new Dictionary<string, string>(template.Metadata.Annotations ?? new Dictionary<string, string>());
        var generateName = job.Metadata!.Name + "-";
        if (index >= 0)
        {
            var text = index.ToString(CultureInfo.InvariantCulture);
            annotations[JobLabels.CompletionIndex] = text;
            labels[JobLabels.CompletionIndex] = text;
            template.Spec.Hostname = $"{job.Metadata.Name}-{text}";
            generateName = IndexedGenerateName(job.Metadata.Name!, text);
            foreach (var container in (template.Spec.InitContainers ?? []).Concat(template.Spec.Containers ?? []))
            {
                container.Env ??= [];
                if (container.Env.All(e => e.Name != JobLabels.CompletionIndexEnvName))
                {
                    container.Env.Add(new EnvVar
                    {
                        Name = JobLabels.CompletionIndexEnvName,
                        ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = $"metadata.labels['{JobLabels.CompletionIndex}']" } },
                    });
                }
            }
        }

        var finalizers = new List<string>(template.Metadata.Finalizers ?? []);
        if (!finalizers.Contains(JobLabels.TrackingFinalizer))
            finalizers.Add(JobLabels.TrackingFinalizer);
        return new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                GenerateName = generateName,
                Namespace = job.Metadata.Namespace,
                Labels = labels,
                Annotations = annotations.Count == 0 ? null : annotations,
                Finalizers = finalizers,
                OwnerReferences = [Owners.ControllerReference(job, "batch/v1", "Job")],
            },
            Spec = template.Spec,
        };
    }

    /// <summary><c>&lt;job&gt;-&lt;index&gt;-</c>, the job name shortened so the generated name fits 63 characters.</summary>
    private static string IndexedGenerateName(string jobName, string index)
    {
        const int maxPrefix = 63 - 5;
        var suffix = $"-{index}-";
        return (jobName.Length + suffix.Length > maxPrefix ? jobName[..Math.Max(0, maxPrefix - suffix.Length)] : jobName) + suffix;
    }

    /// <summary>
    /// Which active pods to delete to get down by <paramref name="atLeast"/>: an Indexed Job's duplicates and pods
    /// without a valid index first, then the least advanced ones (pending before running, not ready before ready).
    /// </summary>
    private static List<Pod> PodsForRemoval(Job job, IReadOnlyList<Pod> active, int atLeast)
    {
        var remove = new List<Pod>();
        var left = new List<Pod>();
        if (IsIndexed(job))
        {
            foreach (var group in active.GroupBy(CompletionIndex))
            {
                if (group.Key < 0 || group.Key >= (job.Spec?.Completions ?? 0))
                {
                    remove.AddRange(group);
                    continue;
                }

                var ordered = group.ToList();
                ordered.Sort(PodReadiness.CompareForDeletion);
                remove.AddRange(ordered.Take(ordered.Count - 1));
                left.Add(ordered[^1]);
            }
        }
        else
        {
            left.AddRange(active);
        }

        if (remove.Count < atLeast)
        {
            left.Sort(PodReadiness.CompareForDeletion);
            remove.AddRange(left.Take(atLeast - remove.Count));
        }

        return remove;
    }

    /// <summary>Deletes pods (optionally removing the finalizer first); returns how many of them were ready and how many went.</summary>
    private async Task<(int Ready, int Deleted)> DeletePodsAsync(string key, Job job, List<Pod> victims, bool removeFinalizers, CancellationToken cancellationToken)
    {
        if (victims.Count == 0)
            return (0, 0);
        if (removeFinalizers)
            _expectations.ExpectDeletions(key, victims.Select(ObjectAccessor.GetKey));
        var pods = _client.Resource<Pod>();
        var outcomes = await Task.WhenAll(victims.Select(async pod =>
        {
            try
            {
                if (removeFinalizers && HasFinalizer(pod))
                    await pods.PatchAsync(pod.Metadata!.Name!, RemoveFinalizerPatch, pod.Metadata.Namespace, cancellationToken: cancellationToken);
                await pods.DeleteAsync(pod.Metadata!.Name!, job.Metadata!.Namespace, cancellationToken: cancellationToken);
                return (Ok: true, Error: (Exception?)null);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                if (removeFinalizers)
                    _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
                return (Ok: true, Error: null);
            }
            catch (KubernetesApiException e)
            {
                if (removeFinalizers)
                    _expectations.DeletionObserved(key, ObjectAccessor.GetKey(pod));
                return (Ok: false, Error: e);
            }
        }));
        var deleted = outcomes.Count(o => o.Ok);
        var ready = victims.Where((pod, i) => outcomes[i].Ok && PodReadiness.IsReady(pod)).Count();
        if (outcomes.FirstOrDefault(o => o.Error is not null).Error is { } error)
            throw error;
        return (ready, deleted);
    }

    private static Patch RemoveFinalizerPatch { get; } = Patch.StrategicMerge(new JsonObject
    {
        ["metadata"] = new JsonObject { ["$deleteFromPrimitiveList/finalizers"] = new JsonArray(JobLabels.TrackingFinalizer) },
    });

    /// <summary>
    /// Counts finished pods in status: records their uids in uncountedTerminatedPods, removes their finalizers, then
    /// moves them into succeeded/failed; finally adds the interim and terminal conditions.
    /// </summary>
    private async Task TrackStatusAsync(SyncState sync, bool needsFlush, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = sync.Job;
        var indexed = IsIndexed(job);
        var uncounted = job.Status!.UncountedTerminatedPods!;
        uncounted.Succeeded ??= [];
        uncounted.Failed ??= [];
        var withFinalizer = sync.Pods.Where(p => HasFinalizer(p) && !sync.ExpectedRemovals.Contains(p.Metadata?.Uid ?? ""))
            .Select(p => p.Metadata!.Uid!).ToHashSet();
        needsFlush |= CountUncounted(job.Status, withFinalizer);
        var toRelease = new List<Pod>();
        var newSucceededIndexes = new List<int>();
        var reachedMax = false;
        var pods = indexed ? sync.Pods.OrderBy(CompletionIndex).ToList() : [.. sync.Pods];
        foreach (var pod in pods)
        {
            var uid = pod.Metadata?.Uid ?? "";
            if (!HasFinalizer(pod) || sync.ExpectedRemovals.Contains(uid))
                continue;
            var failed = IsPodFailed(pod, job);
            if (!(job.Metadata?.DeletionTimestamp is not null || sync.Finished is not null || pod.Status?.Phase == "Succeeded" || failed))
                continue;
            toRelease.Add(pod);
            if (pod.Status?.Phase == "Succeeded" && !sync.UncountedFailed.Contains(uid))
            {
                if (indexed)
                {
                    if (HasValidIndex(job, pod) && !sync.PreviousSucceededIndexes.Contains(CompletionIndex(pod)))
                    {
                        newSucceededIndexes.Add(CompletionIndex(pod));
                        needsFlush = true;
                    }
                }
                else if (!uncounted.Succeeded.Contains(uid))
                {
                    uncounted.Succeeded.Add(uid);
                    needsFlush = true;
                }
            }
            else if (failed || (sync.Finished is not null && sync.Finished.Type != JobConditions.SuccessCriteriaMet))
            {
                // Once the Job has failed, whatever has not succeeded counts as failed.
                if (!uncounted.Failed.Contains(uid) && (!indexed || HasValidIndex(job, pod)))
                {
                    uncounted.Failed.Add(uid);
                    needsFlush = true;
                }
            }

            if (newSucceededIndexes.Count + uncounted.Succeeded.Count + uncounted.Failed.Count >= MaxUncountedPods)
            {
                // Keep the status small; the status update brings this Job back for the rest.
                reachedMax = true;
                break;
            }
        }

        if (indexed)
        {
            sync.SucceededIndexes = sync.SucceededIndexes.With(newSucceededIndexes);
            var text = sync.SucceededIndexes.ToString();
            if (text != (job.Status.CompletedIndexes ?? ""))
                needsFlush = true;
            job.Status.Succeeded = sync.SucceededIndexes.Total;
            job.Status.CompletedIndexes = text.Length == 0 ? null : text;
        }

        var finished = sync.Finished;
        if (finished?.Type == JobConditions.FailureTarget)
        {
            // Recorded before the finalizers go, so the reason survives a crash; Failed follows once the pods are gone.
            job.Status.Conditions ??= [];
            job.Status.Conditions.Add(finished);
            needsFlush = true;
            finished = JobConditions.New(JobConditions.Failed, "True", finished.Reason, finished.Message, now);
        }
        else if (finished?.Type == JobConditions.SuccessCriteriaMet)
        {
            if (!JobConditions.IsTrue(job, JobConditions.SuccessCriteriaMet))
            {
                job.Status.Conditions ??= [];
                job.Status.Conditions.Add(finished);
                needsFlush = true;
            }

            finished = JobConditions.New(JobConditions.Complete, "True", finished.Reason, finished.Message, now);
        }

        if (needsFlush)
        {
            job = await UpdateStatusAsync(job, cancellationToken);
            _backoff.Update(sync.NewBackoff);
            needsFlush = false;
        }

        Exception? releaseError = null;
        if (toRelease.Count > 0)
        {
            var released = await RemoveFinalizersAsync(sync.Key, toRelease, cancellationToken);
            foreach (var uid in released.Released)
                withFinalizer.Remove(uid);
            releaseError = released.Error;
        }

        needsFlush |= CountUncounted(job.Status!, withFinalizer);
        if (releaseError is not null)
        {
            if (needsFlush)
                await UpdateStatusAsync(job, cancellationToken);
            throw releaseError;
        }

        if (!reachedMax && finished is not null && Enact(job, finished, sync.Terminating, now))
            needsFlush = true;
        if (needsFlush)
            await UpdateStatusAsync(job, cancellationToken);
    }

    /// <summary>Moves uids whose finalizer is gone from uncountedTerminatedPods into the counters; whether any moved.</summary>
    private static bool CountUncounted(JobStatus status, HashSet<string> withFinalizer)
    {
        var uncounted = status.UncountedTerminatedPods!;
        var changed = false;
        var succeeded = (uncounted.Succeeded ?? []).Where(withFinalizer.Contains).ToList();
        if (succeeded.Count != (uncounted.Succeeded?.Count ?? 0))
        {
            status.Succeeded = (status.Succeeded ?? 0) + uncounted.Succeeded!.Count - succeeded.Count;
            uncounted.Succeeded = succeeded;
            changed = true;
        }

        var failed = (uncounted.Failed ?? []).Where(withFinalizer.Contains).ToList();
        if (failed.Count != (uncounted.Failed?.Count ?? 0))
        {
            status.Failed = (status.Failed ?? 0) + uncounted.Failed!.Count - failed.Count;
            uncounted.Failed = failed;
            changed = true;
        }

        return changed;
    }

    /// <summary>Adds the Complete or Failed condition once every pod is counted and none is still terminating.</summary>
    private static bool Enact(Job job, JobCondition finished, int terminating, DateTimeOffset now)
    {
        var uncounted = job.Status!.UncountedTerminatedPods;
        if ((uncounted?.Succeeded?.Count ?? 0) + (uncounted?.Failed?.Count ?? 0) > 0 || terminating > 0)
            return false;
        JobConditions.Ensure(job.Status, finished.Type!, "True", finished.Reason, finished.Message, now);
        if (finished.Type == JobConditions.Complete)
            job.Status.CompletionTime = now;
        return true;
    }

    private async Task<Job> UpdateStatusAsync(Job job, CancellationToken cancellationToken)
    {
        var updated = await _client.Resource<Job>().UpdateStatusAsync(job, cancellationToken: cancellationToken);
        // Keep counting on what the server stored (the uncounted lists may come back empty as null).
        updated.Status ??= new JobStatus();
        updated.Status.UncountedTerminatedPods ??= new UncountedTerminatedPods();
        return updated;
    }

    private async Task<(List<string> Released, Exception? Error)> RemoveFinalizersAsync(string key, List<Pod> pods, CancellationToken cancellationToken)
    {
        _finalizers.Expect(key, pods.Select(p => p.Metadata!.Uid!));
        var client = _client.Resource<Pod>();
        var results = await Task.WhenAll(pods.Select(async pod =>
        {
            try
            {
                await client.PatchAsync(pod.Metadata!.Name!, RemoveFinalizerPatch, pod.Metadata.Namespace, cancellationToken: cancellationToken);
                return (Uid: pod.Metadata.Uid!, Error: (Exception?)null);
            }
            catch (KubernetesApiException e)
            {
                // No update for it will come: stop expecting one.
                _finalizers.Observed(key, pod.Metadata!.Uid!);
                return (Uid: pod.Metadata.Uid!, Error: e.IsNotFound ? null : e);
            }
        }));
        return ([.. results.Where(r => r.Error is null).Select(r => r.Uid)], results.FirstOrDefault(r => r.Error is not null).Error);
    }

    /// <summary>The pods this Job controls, after adopting matching orphans and releasing pods it no longer matches.</summary>
    private async Task<List<Pod>> ClaimPodsAsync(Job job, CancellationToken cancellationToken)
    {
        var uid = job.Metadata!.Uid;
        var claimed = new List<Pod>();
        foreach (var pod in _pods.Cache.ByIndex(CacheIndexers.Namespace, job.Metadata.Namespace ?? ""))
        {
            var controller = Owners.Controller(pod);
            var matches = LabelSelectors.Matches(job.Spec?.Selector, pod.Metadata?.Labels);
            if (controller?.Uid == uid)
            {
                if (matches || job.Metadata.DeletionTimestamp is not null)
                    claimed.Add(pod);
                else
                    await ReleaseAsync(pod, uid!, cancellationToken);
            }
            else if (controller is null && matches && pod.Metadata?.DeletionTimestamp is null && job.Metadata.DeletionTimestamp is null)
            {
                if (await AdoptAsync(job, pod, cancellationToken) is { } adopted)
                    claimed.Add(adopted);
            }
        }

        return claimed;
    }

    private async Task<Pod?> AdoptAsync(Job job, Pod pod, CancellationToken cancellationToken)
    {
        var finalizers = new List<string>(pod.Metadata?.Finalizers ?? []);
        if (!finalizers.Contains(JobLabels.TrackingFinalizer))
            finalizers.Add(JobLabels.TrackingFinalizer);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = pod.Metadata!.ResourceVersion,
                ["ownerReferences"] = KubernetesJson.SerializeToNode(new List<OwnerReference>([.. pod.Metadata.OwnerReferences ?? [], Owners.ControllerReference(job, "batch/v1", "Job")])),
                ["finalizers"] = KubernetesJson.SerializeToNode(finalizers),
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

    private async Task ReleaseAsync(Pod pod, string jobUid, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = pod.Metadata!.ResourceVersion,
                ["ownerReferences"] = KubernetesJson.SerializeToNode((pod.Metadata.OwnerReferences ?? []).Where(o => o.Uid != jobUid).ToList()),
                ["finalizers"] = KubernetesJson.SerializeToNode((pod.Metadata.Finalizers ?? []).Where(f => f != JobLabels.TrackingFinalizer).ToList()),
            },
        };
        try
        {
            await _client.Resource<Pod>().PatchAsync(pod.Metadata.Name!, Patch.Merge(patch), pod.Metadata.Namespace, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Gone already.
        }
    }

    /// <summary>Removes the tracking finalizer from a pod whose Job is gone or finished (or that has no Job).</summary>
    private async Task ReleaseOrphanAsync(string podKey, CancellationToken cancellationToken)
    {
        var pod = _pods.Cache.Get(podKey);
        if (pod is null || !HasFinalizer(pod))
            return;
        if (Owners.Controller(pod) is { Kind: "Job" } owner)
        {
            var job = _jobs.Cache.Get(pod.Metadata?.Namespace, owner.Name ?? "");
            if (job is not null && job.Metadata?.Uid == owner.Uid && !JobConditions.IsFinished(job))
                return;
        }

        try
        {
            await _client.Resource<Pod>().PatchAsync(pod.Metadata!.Name!, RemoveFinalizerPatch, pod.Metadata.Namespace, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Gone already.
        }
    }

    /// <summary>What one sync of one Job works with.</summary>
    private sealed class SyncState
    {
        public SyncState(string key, Job job, List<Pod> pods, IReadOnlySet<string> expectedRemovals)
        {
            Key = key;
            Job = job;
            Pods = pods;
            ExpectedRemovals = expectedRemovals;
            Active = pods.Where(p => !IsTerminal(p) && p.Metadata?.DeletionTimestamp is null).ToList();
            Ready = Active.Count(PodReadiness.IsReady);
            Terminating = pods.Count(IsTerminating);
            UncountedSucceeded = [.. job.Status?.UncountedTerminatedPods?.Succeeded ?? []];
            UncountedFailed = [.. job.Status?.UncountedTerminatedPods?.Failed ?? []];
        }

        public string Key { get; }

        public Job Job { get; }

        public List<Pod> Pods { get; }

        public List<Pod> Active { get; }

        public IReadOnlySet<string> ExpectedRemovals { get; }

        public HashSet<string> UncountedSucceeded { get; }

        public HashSet<string> UncountedFailed { get; }

        public int Succeeded { get; set; }

        public int Failed { get; set; }

        public int Ready { get; set; }

        public int Terminating { get; set; }

        public JobCondition? Finished { get; set; }

        public PodFailureBackoff.Record NewBackoff { get; set; }

        public CompletionIndexes PreviousSucceededIndexes { get; set; } = CompletionIndexes.Empty;

        public CompletionIndexes SucceededIndexes { get; set; } = CompletionIndexes.Empty;

        /// <summary>Finished pods not counted yet: with the finalizer, not in the uncounted list, with a valid index.</summary>
        public List<Pod> NewFinished(HashSet<string> uncounted, Func<Pod, bool> filter) =>
            Pods.Where(p => HasFinalizer(p) && !uncounted.Contains(p.Metadata?.Uid ?? "") && !ExpectedRemovals.Contains(p.Metadata?.Uid ?? "")
                && (!IsIndexed(Job) || HasValidIndex(Job, p)) && filter(p)).ToList();

        /// <summary>The lowest indexes below completions that no active pod runs and none has completed.</summary>
        public List<int> FirstPendingIndexes(int count, bool includeTerminating)
        {
            var completions = Job.Spec?.Completions ?? 0;
            var busy = SucceededIndexes.With(Active.Select(CompletionIndex).Where(i => i >= 0));
            if (includeTerminating)
                busy = busy.With(Pods.Where(IsTerminating).Select(CompletionIndex).Where(i => i >= 0));
            var result = new List<int>();
            for (var candidate = 0; candidate < completions && result.Count < count; candidate++)
            {
                if (!busy.Contains(candidate))
                    result.Add(candidate);
            }

            return result;
        }
    }
}
