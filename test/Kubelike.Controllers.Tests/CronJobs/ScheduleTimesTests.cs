using Kubelike.Api.Batch.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.CronJobs;

namespace Kubelike.Controllers.Tests.CronJobs;

/// <summary>Which scheduled time a CronJob owes a Job for, at given clock readings.</summary>
public sealed class ScheduleTimesTests
{
    private static readonly CronSchedule EveryMinute = CronSchedule.Parse("* * * * *", TimeZoneInfo.Utc);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static CronJob CronJob(string created, string? lastScheduled = null, long? startingDeadlineSeconds = null) => new()
    {
        Metadata = new ObjectMeta { Name = "tick", CreationTimestamp = Utc(created) },
        Spec = new CronJobSpec { Schedule = "* * * * *", StartingDeadlineSeconds = startingDeadlineSeconds },
        Status = new CronJobStatus { LastScheduleTime = lastScheduled is null ? null : Utc(lastScheduled) },
    };

    [Test]
    public void A_new_cron_job_owes_nothing_before_its_first_time_and_wakes_just_after_it()
    {
        var cronJob = CronJob(created: "2026-11-22T10:00:30Z");
        var now = Utc("2026-11-22T10:00:50Z");
        Assert.Multiple(() =>
        {
            Assert.That(ScheduleTimes.Due(cronJob, now, EveryMinute, out var missed), Is.Null);
            Assert.That(missed, Is.EqualTo(ScheduleTimes.Missed.None));
            Assert.That(ScheduleTimes.UntilNext(cronJob, now, EveryMinute), Is.EqualTo(TimeSpan.FromSeconds(10.1)));
        });
    }

    [Test]
    public void The_first_time_is_owed_once_it_has_come_and_names_the_job_by_its_minute()
    {
        var cronJob = CronJob(created: "2026-11-22T10:00:30Z");
        var due = ScheduleTimes.Due(cronJob, Utc("2026-11-22T10:01:05Z"), EveryMinute, out _);
        Assert.Multiple(() =>
        {
            Assert.That(due, Is.EqualTo(Utc("2026-11-22T10:01:00Z")));
            Assert.That(ScheduleTimes.JobName("tick", due!.Value), Is.EqualTo("tick-" + (Utc("2026-11-22T10:01:00Z").ToUnixTimeSeconds() / 60)));
        });
    }

    [Test]
    public void Of_several_missed_times_only_the_most_recent_is_owed()
    {
        var cronJob = CronJob(created: "2026-11-22T09:00:00Z", lastScheduled: "2026-11-22T10:01:00Z");
        var now = Utc("2026-11-22T10:05:20Z");
        Assert.Multiple(() =>
        {
            Assert.That(ScheduleTimes.Due(cronJob, now, EveryMinute, out var missed), Is.EqualTo(Utc("2026-11-22T10:05:00Z")));
            Assert.That(missed, Is.EqualTo(ScheduleTimes.Missed.Few));
            Assert.That(ScheduleTimes.UntilNext(cronJob, now, EveryMinute), Is.EqualTo(TimeSpan.FromSeconds(40.1)));
        });
    }

    [Test]
    public void A_time_older_than_the_starting_deadline_is_not_owed_any_more()
    {
        var cronJob = CronJob(created: "2026-11-22T09:00:00Z", lastScheduled: "2026-11-22T09:00:00Z", startingDeadlineSeconds: 30);
        Assert.Multiple(() =>
        {
            Assert.That(ScheduleTimes.Due(cronJob, Utc("2026-11-22T10:05:20Z"), EveryMinute, out _), Is.EqualTo(Utc("2026-11-22T10:05:00Z")));
            Assert.That(ScheduleTimes.Due(cronJob, Utc("2026-11-22T10:05:40Z"), EveryMinute, out _), Is.Null);
        });
    }

    [Test]
    public void More_than_a_hundred_missed_times_count_as_many()
    {
        var cronJob = CronJob(created: "2026-11-21T10:00:00Z");
        Assert.Multiple(() =>
        {
            Assert.That(ScheduleTimes.Due(cronJob, Utc("2026-11-22T10:05:20Z"), EveryMinute, out var missed), Is.EqualTo(Utc("2026-11-22T10:05:00Z")));
            Assert.That(missed, Is.EqualTo(ScheduleTimes.Missed.Many));
        });
    }

    [Test]
    public void A_schedule_in_another_zone_is_owed_at_its_wall_clock_time()
    {
        Assert.That(CronSchedule.TryFindZone("Europe/Paris", out var paris), Is.True);
        var nineInParis = CronSchedule.Parse("0 9 * * *", paris);
        var cronJob = CronJob(created: "2026-11-21T00:00:00Z");
        Assert.Multiple(() =>
        {
            Assert.That(ScheduleTimes.Due(cronJob, Utc("2026-11-21T07:59:00Z"), nineInParis, out _), Is.Null);
            Assert.That(ScheduleTimes.Due(cronJob, Utc("2026-11-21T08:00:30Z"), nineInParis, out _), Is.EqualTo(Utc("2026-11-21T08:00:00Z")));
        });
    }
}
