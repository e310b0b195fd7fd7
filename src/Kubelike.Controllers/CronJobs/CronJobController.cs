using System.Globalization;
using Kubelike.Api.Batch.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Jobs;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.CronJobs;

/// <summary>
/// Creates each CronJob's Jobs on its schedule (in spec.timeZone, else the controller's zone), as upstream's
/// CronJob controller: Jobs named <c>&lt;cronjob&gt;-&lt;scheduled minute&gt;</c> (so a time is never run twice),
/// only the most recent missed time and only within startingDeadlineSeconds, concurrencyPolicy Allow, Forbid (skip
/// while one runs) or Replace (delete the running ones first), suspend, the successful and failed history limits,
/// and status.active, lastScheduleTime and lastSuccessfulTime. It wakes itself at the next scheduled time.
/// </summary>
public sealed class CronJobController : Reconciler
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private readonly KubernetesClient _client;
    private readonly SharedInformer<CronJob> _cronJobs;
    private readonly SharedInformer<Job> _jobs;

    public CronJobController(KubernetesClient client, SharedInformerFactory informers, ILogger<CronJobController> logger)
        : base(logger)
    {
        _client = client;
        _cronJobs = informers.GetInformer<CronJob>();
        _jobs = informers.GetInformer<Job>();
        _cronJobs.AddEventHandler(new ResourceEventHandler<CronJob>
        {
            Added = (cronJob, _) => Enqueue(cronJob),
            Updated = CronJobUpdated,
        });
        _jobs.AddEventHandler(new ResourceEventHandler<Job>
        {
            Added = (job, _) => EnqueueOwner(job),
            Updated = (old, job) =>
            {
                EnqueueOwner(old);
                EnqueueOwner(job);
            },
            Deleted = (job, _) => EnqueueOwner(job),
        });
    }

    /// <summary>
    /// A new schedule is looked at when its next time comes (as upstream: not at once, so a schedule change does not
    /// run a time the old schedule never had); any other change is looked at now.
    /// </summary>
    private void CronJobUpdated(CronJob old, CronJob cronJob)
    {
        if (old.Spec?.Schedule == cronJob.Spec?.Schedule && old.Spec?.TimeZone == cronJob.Spec?.TimeZone)
        {
            Enqueue(cronJob);
            return;
        }

        if (ParseSchedule(cronJob, out _) is { } schedule)
            Queue.AddAfter(ObjectAccessor.GetKey(cronJob), ScheduleTimes.UntilNext(cronJob, _client.Time.GetUtcNow(), schedule));
    }

    private void EnqueueOwner(Job job)
    {
        if (Owners.Controller(job) is not { Kind: "CronJob" } owner)
            return;
        if (_cronJobs.Cache.Get(job.Metadata?.Namespace, owner.Name ?? "") is { } cronJob && cronJob.Metadata?.Uid == owner.Uid)
            Enqueue(cronJob);
    }

    /// <summary>The schedule in the CronJob's zone, or null (with the reason) when it does not parse or the zone is unknown.</summary>
    private static CronSchedule? ParseSchedule(CronJob cronJob, out string? error)
    {
        var text = cronJob.Spec?.Schedule ?? "";
        var zone = TimeZoneInfo.Local;
        // A TZ= or CRON_TZ= prefix in the schedule wins over timeZone, as upstream.
        if (!text.Contains("TZ", StringComparison.Ordinal) && cronJob.Spec?.TimeZone is { } name && !CronSchedule.TryFindZone(name, out zone))
        {
            error = $"invalid timeZone: \"{name}\"";
            return null;
        }

        return CronSchedule.TryParse(text, zone, out var schedule, out error) ? schedule : null;
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var cached = _cronJobs.Cache.Get(key);
        if (cached is null)
            return;
        var cronJob = Owners.Clone(cached);
        cronJob.Status ??= new CronJobStatus();
        var jobs = _jobs.Cache.ByIndex(CacheIndexers.Namespace, cronJob.Metadata!.Namespace ?? "")
            .Where(j => Owners.Controller(j) is { Kind: "CronJob" } owner && owner.Uid == cronJob.Metadata.Uid)
            .ToList();
        var changed = await CleanUpFinishedJobsAsync(cronJob, jobs, cancellationToken);
        var (requeueAfter, synced) = await SyncAsync(cronJob, jobs, cancellationToken);
        if (changed || synced)
        {
            try
            {
                await _client.Resource<CronJob>().UpdateStatusAsync(cronJob, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return;
            }
        }

        if (requeueAfter is { } delay)
            Queue.AddAfter(key, delay);
    }

    /// <summary>Brings status in line with the Jobs and creates the Job now due; returns when to look again and whether status changed.</summary>
    private async Task<(TimeSpan? RequeueAfter, bool Changed)> SyncAsync(CronJob cronJob, List<Job> jobs, CancellationToken cancellationToken)
    {
        var now = _client.Time.GetUtcNow();
        var status = cronJob.Status!;
        status.Active ??= [];
        var changed = false;
        foreach (var job in jobs)
        {
            var active = status.Active.Any(r => r.Uid == job.Metadata?.Uid);
            var finished = JobConditions.FinishedType(job);
            if (active && finished is not null)
            {
                RemoveActive(status, job.Metadata!.Uid);
                changed = true;
            }

            if (finished == JobConditions.Complete && job.Status?.CompletionTime is { } completed
                && (status.LastSuccessfulTime is not { } last || completed.Value > last.Value))
            {
                status.LastSuccessfulTime = completed;
                changed = true;
            }
        }

        // A Job in status.active that is gone (checked live: the cache may lag) is no longer active.
        foreach (var reference in status.Active.Where(r => jobs.All(j => j.Metadata?.Uid != r.Uid)).ToList())
        {
            try
            {
                await _client.Resource<Job>().GetAsync(reference.Name ?? "", reference.Namespace ?? cronJob.Metadata!.Namespace, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                RemoveActive(status, reference.Uid);
                changed = true;
            }
        }

        if (cronJob.Metadata?.DeletionTimestamp is not null || cronJob.Spec?.Suspend == true)
            return (null, changed);
        if (ParseSchedule(cronJob, out var error) is not { } schedule)
        {
            Logger.LogInformation("cronjob {Key}: not scheduling: {Reason}", ObjectAccessor.GetKey(cronJob), error);
            return (null, changed);
        }

        DateTimeOffset? scheduled;
        try
        {
            scheduled = ScheduleTimes.Due(cronJob, now, schedule, out var missed);
            if (missed == ScheduleTimes.Missed.Many)
                Logger.LogWarning("cronjob {Key}: too many missed start times; set or decrease .spec.startingDeadlineSeconds or check clock skew", ObjectAccessor.GetKey(cronJob));
        }
        catch (InvalidOperationException e)
        {
            Logger.LogInformation("cronjob {Key}: invalid schedule: {Reason}", ObjectAccessor.GetKey(cronJob), e.Message);
            return (null, changed);
        }

        var next = ScheduleTimes.UntilNext(cronJob, now, schedule);
        if (scheduled is not { } at)
            return (next, changed);
        if (cronJob.Spec?.StartingDeadlineSeconds is { } deadline && at + TimeSpan.FromSeconds(deadline) < now)
        {
            Logger.LogInformation("cronjob {Key}: missed the scheduled time {Time}", ObjectAccessor.GetKey(cronJob), at);
            return (next, changed);
        }

        var name = ScheduleTimes.JobName(cronJob.Metadata!.Name!, at);
        if (status.Active.Any(r => r.Name == name) || status.LastScheduleTime?.Value == at)
            return (next, changed);
        var policy = cronJob.Spec?.ConcurrencyPolicy ?? "Allow";
        if (policy == "Forbid" && status.Active.Count > 0)
            return (next, changed);
        if (policy == "Replace")
        {
            foreach (var reference in status.Active.ToList())
            {
                await DeleteJobAsync(reference.Name ?? "", reference.Namespace ?? cronJob.Metadata.Namespace, cancellationToken);
                RemoveActive(status, reference.Uid);
                changed = true;
            }
        }

        Job created;
        try
        {
            created = await _client.Resource<Job>().CreateAsync(NewJob(cronJob, name, at, schedule.Zone), cancellationToken: cancellationToken);
            Logger.LogInformation("cronjob {Key}: created job {Job}", ObjectAccessor.GetKey(cronJob), name);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Created before, but the status update was lost: add it to active unless it is someone else's.
            created = await _client.Resource<Job>().GetAsync(name, cronJob.Metadata.Namespace, cancellationToken);
            if (Owners.Controller(created)?.Uid != cronJob.Metadata.Uid || status.Active.Any(r => r.Uid == created.Metadata?.Uid))
                return (null, changed);
        }

        status.Active.Add(new ObjectReference
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Namespace = created.Metadata!.Namespace,
            Name = created.Metadata.Name,
            Uid = created.Metadata.Uid,
            ResourceVersion = created.Metadata.ResourceVersion,
        });
        status.LastScheduleTime = new Time(at);
        return (next, true);
    }

    private static void RemoveActive(CronJobStatus status, string? uid) =>
        status.Active = [.. (status.Active ?? []).Where(r => r.Uid != uid)];

    private static Job NewJob(CronJob cronJob, string name, DateTimeOffset scheduled, TimeZoneInfo zone)
    {
        var template = Owners.Clone(cronJob.Spec?.JobTemplate ?? new JobTemplateSpec());
        var annotations = new Dictionary<string, string>(template.Metadata?.Annotations ?? new Dictionary<string, string>())
        {
            [ScheduledTimestampAnnotation] = Rfc3339(TimeZoneInfo.ConvertTime(scheduled, zone)),
        };
        return new Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = cronJob.Metadata!.Namespace,
                Labels = template.Metadata?.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = annotations,
                OwnerReferences = [Owners.ControllerReference(cronJob, "batch/v1", "CronJob")],
            },
            Spec = template.Spec,
        };
    }

    /// <summary>Go's RFC 3339 layout: <c>Z</c> for UTC, else the offset.</summary>
    private static string Rfc3339(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Deletes the oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit.</summary>
    private async Task<bool> CleanUpFinishedJobsAsync(CronJob cronJob, List<Job> jobs, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var (type, limit) in new[] { (JobConditions.Complete, cronJob.Spec?.SuccessfulJobsHistoryLimit), (JobConditions.Failed, cronJob.Spec?.FailedJobsHistoryLimit) })
        {
            if (limit is not { } keep)
                continue;
            var finished = jobs.Where(j => JobConditions.FinishedType(j) == type && j.Metadata?.DeletionTimestamp is null)
                .OrderBy(j => j.Status?.StartTime is null)
                .ThenBy(j => j.Status?.StartTime?.Value)
                .ThenBy(j => j.Metadata?.Name, StringComparer.Ordinal)
                .ToList();
            foreach (var job in finished.Take(Math.Max(0, finished.Count - keep)))
            {
                await DeleteJobAsync(job.Metadata!.Name!, job.Metadata.Namespace, cancellationToken);
                RemoveActive(cronJob.Status!, job.Metadata.Uid);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Deletes a Job and (in the background, by the garbage collector) its pods.</summary>
    private async Task DeleteJobAsync(string name, string? ns, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Resource<Job>().DeleteAsync(name, ns, new DeleteOptions { PropagationPolicy = "Background" }, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Gone already.
        }
    }
}
