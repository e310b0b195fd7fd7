using System.Text;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// <c>GET pods/NAME/log</c> (what <c>kubectl logs</c> sends) through the API server to the node agent that runs the
/// pod in containerd: the options the kubelet honours and the refusals it gives. (stdout and stderr reach the
/// log through separate pipes, so the tests never rely on the order of lines written at the same moment.)
/// </summary>
[TestFixture]
public sealed class PodLogTests : NodeAgentFixture
{
    protected override NodeAgentOptions ConfigureAgent(NodeAgentOptions options) =>
        options with { InitialRestartBackoff = TimeSpan.FromSeconds(1), MaxRestartBackoff = TimeSpan.FromSeconds(2) };

    [Test]
    public async Task The_log_has_stdout_and_stderr_and_honours_tail_lines_timestamps_limit_bytes_and_since()
    {
        var pod = await CreatePodAsync("printer", Busybox("echo oops >&2; sleep 0.5; for i in 1 2 3 4 5; do echo line $i; done; sleep 3600"));
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");

        var all = await Poll.UntilAsync(async () =>
        {
            var text = await Client.ReadPodLogTextAsync("printer", "default");
            return text.Contains("line 5", StringComparison.Ordinal) ? text : null;
        }, "the whole log");
        var tail = await Client.ReadPodLogTextAsync("printer", "default", new PodLogParameters { TailLines = 2 });
        var stamped = await Client.ReadPodLogTextAsync("printer", "default", new PodLogParameters { Timestamps = true, TailLines = 1 });
        var limited = await Client.ReadPodLogTextAsync("printer", "default", new PodLogParameters { LimitBytes = 9 });
        var future = await Client.ReadPodLogTextAsync("printer", "default", new PodLogParameters { SinceTime = DateTimeOffset.UtcNow.AddHours(1) });
        var recent = await Client.ReadPodLogTextAsync("printer", "default", new PodLogParameters { SinceSeconds = 3600 });

        Assert.Multiple(() =>
        {
            Assert.That(all, Is.EqualTo("oops\nline 1\nline 2\nline 3\nline 4\nline 5\n"));
            Assert.That(tail, Is.EqualTo("line 4\nline 5\n"));
            Assert.That(stamped, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 5\n$"));
            Assert.That(limited, Is.EqualTo("oops\nline"));
            Assert.That(future, Is.Empty);
            Assert.That(recent, Is.EqualTo(all));
        });
    }

    [Test]
    public async Task Following_a_log_streams_new_lines_as_the_container_writes_them_and_ends_when_it_exits()
    {
        var pod = await CreatePodAsync("ticker", Busybox("i=0; while [ $i -lt 15 ]; do echo tick $i; i=$((i+1)); sleep 0.2; done", "Never"));
        await WaitForPodAsync(pod, p => p.Status?.Phase is "Running" or "Succeeded", "started");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var stream = await Client.ReadPodLogAsync("ticker", "default", new PodLogParameters { Follow = true }, deadline.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
            lines.Add(line);

        // The stream ended by itself once the container exited, after its last line.
        Assert.That(lines, Is.EqualTo(Enumerable.Range(0, 15).Select(i => $"tick {i}")));
    }

    [Test]
    public async Task Previous_reads_the_terminated_instance_after_a_restart()
    {
        var pod = await CreatePodAsync("restarts", Busybox("echo run $(cat /proc/sys/kernel/random/uuid); sleep 1; exit 1"));
        await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.RestartCount >= 1 && p.Status.ContainerStatuses[0].State?.Running is not null,
            "restarted and running again");

        var previous = await Client.ReadPodLogTextAsync("restarts", "default", new PodLogParameters { Previous = true });
        var current = await Poll.UntilAsync(async () =>
        {
            var text = await Client.ReadPodLogTextAsync("restarts", "default");
            return text.Length > 0 ? text : null;
        }, "the current instance's output");

        Assert.Multiple(() =>
        {
            Assert.That(previous, Does.Match("^run [0-9a-f-]{36}\n$"));
            Assert.That(current, Does.Match("^run [0-9a-f-]{36}\n$"));
            Assert.That(current, Is.Not.EqualTo(previous), "two instances, two different runs");
        });
    }

    [Test]
    public async Task Refusals_name_the_container_problem_as_upstream()
    {
        var spec = Busybox("sleep 3600");
        spec.Containers!.Add(new Container { Name = "side", Image = CriTestPods.BusyboxImage, Command = ["sleep", "3600"] });
        var pod = await CreatePodAsync("two", spec);
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");

        var unnamed = await RefusalAsync(() => Client.ReadPodLogTextAsync("two", "default"));
        var unknown = await RefusalAsync(() => Client.ReadPodLogTextAsync("two", "default", new PodLogParameters { Container = "nope" }));
        var neverRestarted = await RefusalAsync(() => Client.ReadPodLogTextAsync("two", "default", new PodLogParameters { Container = "main", Previous = true }));
        var negativeTail = await RefusalAsync(() => Client.ReadPodLogTextAsync("two", "default", new PodLogParameters { Container = "main", TailLines = -1 }));
        var missingPod = await RefusalAsync(() => Client.ReadPodLogTextAsync("absent", "default"));

        Assert.Multiple(() =>
        {
            Assert.That((unnamed.Code, unnamed.Status.Message), Is.EqualTo((400, "a container name must be specified for pod two, choose one of: [main side]")));
            Assert.That((unknown.Code, unknown.Status.Message), Is.EqualTo((400, "container nope is not valid for pod two")));
            Assert.That((neverRestarted.Code, neverRestarted.Status.Message), Is.EqualTo((400, "previous terminated container \"main\" in pod \"two\" not found")));
            Assert.That(negativeTail.Code, Is.EqualTo(422));
            Assert.That(negativeTail.Status.Message, Does.Contain("tailLines: Invalid value: -1: must be greater than or equal to 0"));
            Assert.That(missingPod.Code, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task A_container_waiting_for_its_image_has_no_log_yet()
    {
        var pod = await CreatePodAsync("noimage", Busybox("true", image: "kubelike.local/does-not-exist:1"));
        await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting is not null, "waiting");

        var refusal = await RefusalAsync(() => Client.ReadPodLogTextAsync("noimage", "default"));

        Assert.That(refusal.Code, Is.EqualTo(400));
        Assert.That(refusal.Status.Message, Does.Match("^container \"main\" in pod \"noimage\" is waiting to start: (ErrImagePull|ImagePullBackOff)$"));
    }

    private static async Task<KubernetesApiException> RefusalAsync(Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (KubernetesApiException e)
        {
            return e;
        }

        Assert.Fail("the read was not refused");
        throw new InvalidOperationException();
    }
}
