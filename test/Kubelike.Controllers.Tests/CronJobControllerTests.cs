using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Api.Batch.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Client.Watch;
using Kubelike.Controllers.CronJobs;
using Kubelike.Controllers.Jobs;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

/// <summary>
/// CronJobs against a real server. One test waits for a real minute boundary; the others make a scheduled time in
/// the past due at once, as after a missed run (a schedule for that one minute, and a last schedule time before it),
/// so they need not wait for the clock. The schedule arithmetic itself is unit-tested in <c>CronJobs/</c>.
/// </summary>
public sealed class CronJobControllerTests : ControllerFixture
{
    private static readonly TimeSpan MinuteTimeout = TimeSpan.FromSeconds(100);

    private static CronJob NewCronJob(string ns, string name, string schedule, string policy, string? exitCode, bool suspendJobs = false) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new CronJobSpec
        {
            Schedule = schedule,
            ConcurrencyPolicy = policy,
            JobTemplate = new JobTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["cron"] = name } },
                Spec = new JobSpec
                {
                    Suspend = suspendJobs,
                    Template = new PodTemplateSpec
                    {
                        Metadata = new ObjectMeta
                        {
                            Annotations = exitCode is null ? null : new Dictionary<string, string> { [Kubelike.Node.Hollow.HollowNodeOptions.ExitCodeAnnotation] = exitCode },
                        },
                        Spec = new PodSpec { RestartPolicy = "Never", Containers = [new Container { Name = "main", Image = "busybox" }] },
                    },
                },
            },
        },
    };

    /// <summary>A whole minute some minutes ago.</summary>
    private static DateTimeOffset MinutesAgo(int minutes)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-minutes);
    }

    /// <summary>
    /// Makes <paramref name="at"/> (in the past) the CronJob's only scheduled time, with its last schedule time half a
    /// minute before, as when the controller missed that run: it then owes a Job for <paramref name="at"/> at once.
    /// (The status write is what wakes the controller, as upstream's: a schedule change is looked at when its next
    /// time comes. A time the controller never writes itself makes sure the write changes something.)
    /// </summary>
    private async Task MakeDueAsync(string ns, string name, DateTimeOffset at)
    {
        var cronJobs = Client.Resource<CronJob>();
        // The controller writes status meanwhile: each write retries on a conflict with it.
        await RetryOnConflictAsync(async () =>
        {
            var cronJob = await cronJobs.GetAsync(name, ns);
            cronJob.Spec!.Schedule = string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} {at.Day} {at.Month} *");
            cronJob.Spec.TimeZone = "Etc/UTC";
            await cronJobs.UpdateAsync(cronJob);
        });
        await RetryOnConflictAsync(async () =>
        {
            var cronJob = await cronJobs.GetAsync(name, ns);
            cronJob.Status ??= new CronJobStatus();
            cronJob.Status.LastScheduleTime = at.AddSeconds(-30);
            await cronJobs.UpdateStatusAsync(cronJob);
        });
    }

    private static async Task RetryOnConflictAsync(Func<Task> write) =>
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await write();
                return "written";
            }
            catch (KubernetesApiException e) when (e.IsConflict)
            {
                return null;
            }
        }, "a write without conflict");

    private async Task<Job?> FindJobAsync(string ns, string name)
    {
        try
        {
            return await Client.Resource<Job>().GetAsync(name, ns);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task<List<Job>> JobsAsync(string ns) => [.. (await Client.Resource<Job>().ListAsync(ns)).Items];

    [Test]
    public async Task A_cron_job_every_minute_starts_a_job_named_after_its_minute_and_records_its_success()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<CronJob>().CreateAsync(NewCronJob(ns, "tick", "* * * * *", "Allow", exitCode: "0"));

        // The first minute boundary after creation: up to a minute away.
        var job = await Poll.UntilAsync(async () => (await JobsAsync(ns)).FirstOrDefault(), "a job started by the schedule", MinuteTimeout);
        var scheduled = DateTimeOffset.Parse(job.Metadata!.Annotations![CronJobController.ScheduledTimestampAnnotation], CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(scheduled.Second, Is.Zero);
            Assert.That(job.Metadata.Name, Is.EqualTo("tick-" + (scheduled.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)));
            Assert.That(job.Metadata.Labels!["cron"], Is.EqualTo("tick"));
            Assert.That(job.Metadata.OwnerReferences!.Single(), Has.Property("Kind").EqualTo("CronJob").And.Property("Name").EqualTo("tick").And.Property("Controller").EqualTo(true));
        });

        var cronJob = await Poll.UntilAsync(async () =>
        {
            var current = await Client.Resource<CronJob>().GetAsync("tick", ns);
            return current.Status is { LastSuccessfulTime: not null, Active: null or { Count: 0 } } ? current : null;
        }, "the finished job recorded in status", Timeout);
        var finished = (await FindJobAsync(ns, job.Metadata.Name!))!;
        Assert.Multiple(() =>
        {
            Assert.That(JobConditions.IsTrue(finished, "Complete"), Is.True);
            Assert.That(cronJob.Status!.LastScheduleTime!.Value.Value, Is.EqualTo(scheduled));
            Assert.That(cronJob.Status.LastSuccessfulTime!.Value.Value, Is.EqualTo(finished.Status!.CompletionTime!.Value.Value));
        });
    }

    [Test]
    public async Task With_forbid_a_due_run_waits_until_the_running_job_has_finished()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        // Its jobs start suspended, so the first one stays active until the test resumes it.
        var created = await Client.Resource<CronJob>().CreateAsync(NewCronJob(ns, "once", "0 0 1 1 *", "Forbid", exitCode: "0", suspendJobs: true));
        var first = MinutesAgo(5);
        var second = first.AddMinutes(1);
        var firstName = ScheduleTimes.JobName("once", first);
        var secondName = ScheduleTimes.JobName("once", second);
        var before = (await Client.Resource<Job>().ListAsync(ns)).Metadata!.ResourceVersion;

        await MakeDueAsync(ns, "once", first);
        await UntilAsync(async () => (await Client.Resource<CronJob>().GetAsync("once", ns)).Status?.Active?.SingleOrDefault()?.Name == firstName, "the first job active");
        await MakeDueAsync(ns, "once", second);
        await Client.Resource<Job>().PatchAsync(firstName, Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["suspend"] = false } }), ns);
        await Poll.UntilAsync(() => FindJobAsync(ns, secondName), "the second job, once the first has finished", Timeout);

        // Replay what happened to the Jobs: the second appeared only after the first had completed.
        var firstComplete = false;
        using var deadline = new CancellationTokenSource(Timeout);
        await foreach (var change in Client.Resource<Job>().WatchAsync(ns, new WatchParameters { ResourceVersion = before }, deadline.Token))
        {
            if (change.Item.Metadata?.Name == firstName)
                firstComplete |= JobConditions.IsTrue(change.Item, "Complete");
            if (change.Type == WatchEventType.Added && change.Item.Metadata?.Name == secondName)
                break;
        }

        var cronJob = await Client.Resource<CronJob>().GetAsync("once", ns);
        Assert.Multiple(() =>
        {
            Assert.That(firstComplete, Is.True, "the second job was created while the first still ran");
            Assert.That(cronJob.Status!.Active!.Select(a => a.Name), Is.EqualTo(new[] { secondName }));
            Assert.That(cronJob.Status.LastScheduleTime!.Value.Value, Is.EqualTo(second));
            Assert.That(created.Spec!.SuccessfulJobsHistoryLimit, Is.EqualTo(3), "the default history limit");
        });
    }

    [Test]
    public async Task With_replace_a_due_run_deletes_the_running_job_and_starts_its_own()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        // Its pods never finish.
        await Client.Resource<CronJob>().CreateAsync(NewCronJob(ns, "swap", "0 0 1 1 *", "Replace", exitCode: null));
        var first = MinutesAgo(5);
        var second = first.AddMinutes(1);
        var firstName = ScheduleTimes.JobName("swap", first);
        var secondName = ScheduleTimes.JobName("swap", second);

        await MakeDueAsync(ns, "swap", first);
        await UntilAsync(async () => (await FindJobAsync(ns, firstName))?.Status?.Active == 1, "the first job running");
        await MakeDueAsync(ns, "swap", second);

        await UntilAsync(async () => await FindJobAsync(ns, firstName) is null, "the first job deleted");
        await UntilAsync(async () => (await Client.Resource<CronJob>().GetAsync("swap", ns)).Status?.Active?.SingleOrDefault()?.Name == secondName, "only the second job active");
        await UntilAsync(async () => (await Client.Resource<Pod>().ListAsync(ns)).Items.All(p => p.Metadata!.Labels!["job-name"] == secondName), "only the second job's pods left");
    }

    [Test]
    public async Task Finished_jobs_beyond_the_history_limit_are_deleted_oldest_first()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewCronJob(ns, "keep", "0 0 1 1 *", "Allow", exitCode: "0");
        spec.Spec!.SuccessfulJobsHistoryLimit = 1;
        await Client.Resource<CronJob>().CreateAsync(spec);

        var times = new[] { MinutesAgo(6), MinutesAgo(5), MinutesAgo(4) };
        foreach (var at in times)
        {
            await MakeDueAsync(ns, "keep", at);
            await UntilAsync(async () => await FindJobAsync(ns, ScheduleTimes.JobName("keep", at)) is { } job && JobConditions.IsTrue(job, "Complete"), "job for " + at);
        }

        var last = ScheduleTimes.JobName("keep", times[^1]);
        await UntilAsync(async () => (await JobsAsync(ns)).Select(j => j.Metadata!.Name).SequenceEqual([last]), "only the newest finished job kept");
        var newest = (await FindJobAsync(ns, last))!;
        await UntilAsync(async () => (await Client.Resource<CronJob>().GetAsync("keep", ns)).Status?.LastSuccessfulTime?.Value == newest.Status!.CompletionTime!.Value.Value, "the newest success recorded");
    }
}
