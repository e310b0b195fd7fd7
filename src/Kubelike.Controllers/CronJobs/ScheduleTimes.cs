using Kubelike.Api.Batch.V1;

namespace Kubelike.Controllers.CronJobs;

/// <summary>
/// Which scheduled time a CronJob owes a Job for, and when to look again, as upstream's CronJob controller works it
/// out: from the last schedule time (or the creation time), never further back than startingDeadlineSeconds, only the
/// most recent missed time runs; more than 100 missed times are reported as many.
/// </summary>
public static class ScheduleTimes
{
    /// <summary>Added to the requeue delay so the controller wakes just after the scheduled time, not just before.</summary>
    public static readonly TimeSpan NextScheduleDelta = TimeSpan.FromMilliseconds(100);

    public enum Missed
    {
        None,
        Few,
        Many,
    }

    /// <summary>The time searched from, the most recent scheduled time not after <paramref name="now"/> (if any) and how many were missed.</summary>
    public static (DateTimeOffset Earliest, DateTimeOffset? MostRecent, Missed Missed) MostRecent(
        CronJob cronJob, DateTimeOffset now, CronSchedule schedule, bool includeStartingDeadline)
    {
        var earliest = cronJob.Status?.LastScheduleTime?.Value ?? cronJob.Metadata?.CreationTimestamp?.Value ?? now;
        if (includeStartingDeadline && cronJob.Spec?.StartingDeadlineSeconds is { } deadline && now - TimeSpan.FromSeconds(deadline) > earliest)
            earliest = now - TimeSpan.FromSeconds(deadline);
        var t1 = schedule.Next(earliest);
        if (t1 is null || now < t1)
            return (earliest, null, Missed.None);
        var t2 = schedule.Next(t1.Value);
        if (t2 is null || now < t2)
            return (earliest, t1, Missed.None);
        var interval = (long)Math.Round((t2.Value - t1.Value).TotalSeconds);
        if (interval < 1)
            throw new InvalidOperationException("time difference between two schedules is less than 1 second");
        // Estimate how many fit since t1, jump close to now, and walk the last few exactly.
        var missed = (long)(now - t1.Value).TotalSeconds / interval + 1;
        DateTimeOffset? mostRecent = null;
        var from = t1.Value + TimeSpan.FromSeconds((missed - 2) * interval);
        for (var t = schedule.Next(from); t is { } at && at <= now; t = schedule.Next(at))
            mostRecent = at;
        var kind = missed > 100 ? Missed.Many : Missed.Few;
        return (earliest, mostRecent, kind);
    }

    /// <summary>The scheduled time a Job is owed for now (within startingDeadlineSeconds), or null.</summary>
    public static DateTimeOffset? Due(CronJob cronJob, DateTimeOffset now, CronSchedule schedule, out Missed missed)
    {
        var (_, mostRecent, kind) = MostRecent(cronJob, now, schedule, includeStartingDeadline: true);
        missed = kind;
        return mostRecent is { } t && t <= now ? t : null;
    }

    /// <summary>How long until the next scheduled time after the last one (plus <see cref="NextScheduleDelta"/>).</summary>
    public static TimeSpan UntilNext(CronJob cronJob, DateTimeOffset now, CronSchedule schedule)
    {
        DateTimeOffset from;
        try
        {
            var (earliest, mostRecent, missed) = MostRecent(cronJob, now, schedule, includeStartingDeadline: false);
            from = mostRecent ?? (missed == Missed.None ? earliest : now);
        }
        catch (InvalidOperationException)
        {
            from = now;
        }

        // A schedule that never fires again is looked at once a day (the schedule may change before).
        return (schedule.Next(from) is { } next ? next - now : TimeSpan.FromDays(1)) + NextScheduleDelta;
    }

    /// <summary>The Job name for a scheduled time: <c>&lt;cronjob&gt;-&lt;minutes since the epoch&gt;</c>.</summary>
    public static string JobName(string cronJobName, DateTimeOffset scheduled) =>
        $"{cronJobName}-{scheduled.ToUnixTimeSeconds() / 60}";
}
