using Kubelike.Api.Batch.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Jobs;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

public sealed class JobControllerTests : ControllerFixture
{
    /// <summary>A Job whose pods finish with <paramref name="exitCode"/> on the hollow node (or keep running when null).</summary>
    private static Job NewJob(string ns, string name, int completions, int parallelism, string? exitCode) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new JobSpec
        {
            Completions = completions,
            Parallelism = parallelism,
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta
                {
                    Annotations = exitCode is null ? null : new Dictionary<string, string> { [Kubelike.Node.Hollow.HollowNodeOptions.ExitCodeAnnotation] = exitCode },
                },
                Spec = new PodSpec { RestartPolicy = "Never", Containers = [new Container { Name = "main", Image = "busybox" }] },
            },
        },
    };

    private async Task<Job> UntilConditionAsync(string ns, string name, string type)
    {
        Job? job = null;
        await UntilAsync(async () => JobConditions.IsTrue(job = await Client.Resource<Job>().GetAsync(name, ns), type), $"job {name} {type}");
        return job!;
    }

    private async Task<List<Pod>> AllPodsAsync(string ns) => [.. (await Client.Resource<Pod>().ListAsync(ns)).Items];

    [Test]
    public async Task A_job_of_three_completions_two_at_a_time_completes_and_kubectl_wait_sees_it()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var created = await Client.Resource<Job>().CreateAsync(NewJob(ns, "pi", completions: 3, parallelism: 2, exitCode: "0"));
        var uid = created.Metadata!.Uid!;
        Assert.Multiple(() =>
        {
            Assert.That(created.Spec!.ManualSelector, Is.False);
            Assert.That(created.Spec.Selector!.MatchLabels, Is.EquivalentTo(new Dictionary<string, string> { ["batch.kubernetes.io/controller-uid"] = uid }));
            Assert.That(created.Spec.Template!.Metadata!.Labels, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["batch.kubernetes.io/controller-uid"] = uid,
                ["controller-uid"] = uid,
                ["batch.kubernetes.io/job-name"] = "pi",
                ["job-name"] = "pi",
            }));
        });

        var (code, output) = await KubectlAsync("wait", "--for=condition=complete", "job/pi", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("job.batch/pi condition met"));

        var job = await Client.Resource<Job>().GetAsync("pi", ns);
        var pods = await AllPodsAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status!.Succeeded, Is.EqualTo(3));
            Assert.That(job.Status.Failed ?? 0, Is.Zero);
            Assert.That(job.Status.Active ?? 0, Is.Zero);
            Assert.That(job.Status.StartTime, Is.Not.Null);
            Assert.That(job.Status.CompletionTime!.Value.Value, Is.GreaterThanOrEqualTo(job.Status.StartTime!.Value.Value));
            Assert.That(job.Status.UncountedTerminatedPods?.Succeeded ?? [], Is.Empty);
            Assert.That(job.Status.Conditions!.Select(c => (c.Type, c.Status, c.Reason)), Is.EquivalentTo(new[]
            {
                ("SuccessCriteriaMet", "True", "CompletionsReached"),
                ("Complete", "True", "CompletionsReached"),
            }));
            Assert.That(pods, Has.Count.EqualTo(3), "one pod per completion, none more");
            Assert.That(pods.Select(p => p.Metadata!.Name), Has.All.Match("^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
            Assert.That(pods.Select(p => p.Status!.Phase), Has.All.EqualTo("Succeeded"));
            Assert.That(pods.Select(p => p.Metadata!.Labels!["batch.kubernetes.io/job-name"]), Has.All.EqualTo("pi"));
            Assert.That(pods.Select(p => p.Metadata!.Finalizers ?? []), Has.All.Empty, "counted pods lose the tracking finalizer");
            Assert.That(pods.Select(p => p.Metadata!.OwnerReferences!.Single()), Has.All.Matches<OwnerReference>(o =>
                o.Kind == "Job" && o.ApiVersion == "batch/v1" && o.Name == "pi" && o.Uid == uid && o.Controller == true && o.BlockOwnerDeletion == true));
        });
    }

    [Test]
    public async Task A_job_runs_no_more_pods_than_its_parallelism_and_counts_them_active_and_ready()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Job>().CreateAsync(NewJob(ns, "work", completions: 5, parallelism: 2, exitCode: null));

        await UntilAsync(async () => (await Client.Resource<Job>().GetAsync("work", ns)).Status is { Active: 2, Ready: 2 }, "two active and ready pods");
        var pods = await AllPodsAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(pods, Has.Count.EqualTo(2));
            Assert.That(pods.Select(p => p.Metadata!.Finalizers), Has.All.Contains(JobLabels.TrackingFinalizer), "running pods carry the tracking finalizer");
        });
    }

    [Test]
    public async Task A_job_whose_pods_keep_failing_fails_with_backoff_limit_exceeded_after_a_backoff()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewJob(ns, "flaky", completions: 1, parallelism: 1, exitCode: "3");
        spec.Spec!.BackoffLimit = 1;
        await Client.Resource<Job>().CreateAsync(spec);

        var job = await UntilConditionAsync(ns, "flaky", "Failed");
        var pods = (await AllPodsAsync(ns)).OrderBy(p => p.Metadata!.CreationTimestamp!.Value.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(job.Status!.Failed, Is.EqualTo(2), "the first pod and one retry");
            Assert.That(job.Status.Succeeded ?? 0, Is.Zero);
            Assert.That(job.Status.CompletionTime, Is.Null);
            var failed = job.Status.Conditions!.Single(c => c.Type == "Failed");
            Assert.That((failed.Status, failed.Reason, failed.Message), Is.EqualTo(("True", "BackoffLimitExceeded", "Job has reached the specified backoff limit")));
            Assert.That(job.Status.Conditions!.Single(c => c.Type == "FailureTarget").Reason, Is.EqualTo("BackoffLimitExceeded"));
            Assert.That(job.Status.Conditions!.Any(c => c.Type == "Complete"), Is.False);
            Assert.That(pods, Has.Count.EqualTo(2));
            Assert.That(pods.Select(p => p.Status!.Phase), Has.All.EqualTo("Failed"));
            // The replacement waits for the pod-failure back-off (10 s after the first failure; timestamps have whole seconds).
            var firstFinished = pods[0].Status!.ContainerStatuses![0].State!.Terminated!.FinishedAt!.Value.Value;
            Assert.That(pods[1].Metadata!.CreationTimestamp!.Value.Value - firstFinished, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(9)));
        });
    }

    [Test]
    public async Task A_job_past_its_active_deadline_stops_its_pods_and_fails_with_deadline_exceeded()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewJob(ns, "slow", completions: 2, parallelism: 2, exitCode: null);
        spec.Spec!.ActiveDeadlineSeconds = 2;
        await Client.Resource<Job>().CreateAsync(spec);

        var job = await UntilConditionAsync(ns, "slow", "Failed");
        Assert.Multiple(() =>
        {
            Assert.That(job.Status!.Conditions!.Single(c => c.Type == "Failed").Reason, Is.EqualTo("DeadlineExceeded"));
            Assert.That(job.Status.Conditions!.Single(c => c.Type == "Failed").Message, Is.EqualTo("Job was active longer than specified deadline"));
            Assert.That(job.Status.Failed, Is.EqualTo(2), "the running pods count as failed");
            Assert.That(job.Status.Active ?? 0, Is.Zero);
            Assert.That(job.Status.Terminating ?? 0, Is.Zero, "Failed is only set once no pod is terminating");
        });
        await UntilAsync(async () => (await AllPodsAsync(ns)).Count == 0, "the stopped pods are gone");
    }

    [Test]
    public async Task An_indexed_job_runs_one_pod_per_index_with_the_index_in_annotation_label_hostname_and_environment()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewJob(ns, "idx", completions: 3, parallelism: 3, exitCode: "0");
        spec.Spec!.CompletionMode = "Indexed";
        await Client.Resource<Job>().CreateAsync(spec);

        var job = await UntilConditionAsync(ns, "idx", "Complete");
        var pods = await AllPodsAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(job.Status!.CompletedIndexes, Is.EqualTo("0-2"));
            Assert.That(job.Status.Succeeded, Is.EqualTo(3));
            Assert.That(pods, Has.Count.EqualTo(3));
            foreach (var pod in pods)
            {
                var index = pod.Metadata!.Annotations![JobLabels.CompletionIndex];
                Assert.That(pod.Metadata.Name, Does.Match($"^idx-{index}-[bcdfghjklmnpqrstvwxz2456789]{{5}}$"));
                Assert.That(pod.Metadata.Labels![JobLabels.CompletionIndex], Is.EqualTo(index));
                Assert.That(pod.Spec!.Hostname, Is.EqualTo("idx-" + index));
                var env = pod.Spec.Containers![0].Env!.Single(e => e.Name == "JOB_COMPLETION_INDEX");
                Assert.That(env.ValueFrom!.FieldRef!.FieldPath, Is.EqualTo("metadata.labels['batch.kubernetes.io/job-completion-index']"));
            }

            Assert.That(pods.Select(p => p.Metadata!.Annotations![JobLabels.CompletionIndex]), Is.EquivalentTo(new[] { "0", "1", "2" }));
        });
    }

    [Test]
    public async Task A_suspended_job_starts_no_pods_until_it_is_resumed()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewJob(ns, "later", completions: 1, parallelism: 1, exitCode: "0");
        spec.Spec!.Suspend = true;
        var jobs = Client.Resource<Job>();
        await jobs.CreateAsync(spec);

        var suspended = await UntilConditionAsync(ns, "later", "Suspended");
        Assert.Multiple(async () =>
        {
            Assert.That(suspended.Status!.Conditions!.Single(c => c.Type == "Suspended").Reason, Is.EqualTo("JobSuspended"));
            Assert.That(suspended.Status.StartTime, Is.Null, "a Job created suspended has not started");
            Assert.That(await AllPodsAsync(ns), Is.Empty);
        });

        await jobs.PatchAsync("later", Patch.Merge(new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["suspend"] = false } }), ns);
        var job = await UntilConditionAsync(ns, "later", "Complete");
        var resumed = job.Status!.Conditions!.Single(c => c.Type == "Suspended");
        Assert.That((resumed.Status, resumed.Reason), Is.EqualTo(("False", "JobResumed")));
    }

    [Test]
    public async Task A_finished_job_with_a_ttl_is_deleted_with_its_pods()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var spec = NewJob(ns, "brief", completions: 1, parallelism: 1, exitCode: "0");
        spec.Spec!.TtlSecondsAfterFinished = 1;
        await Client.Resource<Job>().CreateAsync(spec);

        await UntilConditionAsync(ns, "brief", "Complete");
        await UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<Job>().GetAsync("brief", ns);
                return false;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return true;
            }
        }, "the job deleted after its TTL");
        await UntilAsync(async () => (await AllPodsAsync(ns)).Count == 0, "its pods deleted with it");
    }
}
