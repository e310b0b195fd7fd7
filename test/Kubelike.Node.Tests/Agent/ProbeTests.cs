using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Testing;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// Startup, liveness and readiness probes of real containers (busybox httpd, shell commands): readiness gates the
/// container's and the pod's Ready, a failing liveness probe restarts the container, a startup probe holds the
/// others back until it passes.
/// </summary>
[TestFixture]
public sealed class ProbeTests : NodeAgentFixture
{
    private const string Httpd = "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www";

    protected override NodeAgentOptions ConfigureAgent(NodeAgentOptions options) =>
        options with { InitialRestartBackoff = TimeSpan.FromSeconds(1), MaxRestartBackoff = TimeSpan.FromSeconds(2) };

    [Test]
    public async Task A_passing_http_readiness_probe_makes_the_pod_ready_and_a_failing_one_keeps_it_unready_with_events()
    {
        var good = Busybox(Httpd);
        good.Containers![0].ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/index.html", Port = 8080 }, PeriodSeconds = 1 };
        var bad = Busybox(Httpd);
        bad.Containers![0].ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/missing", Port = 8080 }, PeriodSeconds = 1, FailureThreshold = 1 };
        var readyPod = await CreatePodAsync("ready", good);
        var unreadyPod = await CreatePodAsync("unready", bad);

        var ready = await WaitForPodAsync(readyPod, p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true, "Ready");
        var failures = await Poll.UntilAsync(async () =>
        {
            var list = await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={unreadyPod.Metadata!.Uid}" });
            var unhealthy = list.Items.Where(e => e.Reason == "Unhealthy").ToList();
            return unhealthy.Count >= 2 ? unhealthy : null;
        }, "Unhealthy events of the failing readiness probe", TimeSpan.FromSeconds(60));
        var unready = await Client.Resource<Pod>().GetAsync("unready", "default");

        Assert.Multiple(() =>
        {
            Assert.That(ready.Status!.ContainerStatuses!.Single().Ready, Is.True);
            Assert.That(unready.Status!.Phase, Is.EqualTo("Running"));
            Assert.That(unready.Status.ContainerStatuses!.Single().Ready, Is.False);
            Assert.That(unready.Status.Conditions!.Single(c => c.Type == "Ready").Status, Is.EqualTo("False"));
            Assert.That(failures[0].Type, Is.EqualTo("Warning"));
            Assert.That(failures[0].Message, Is.EqualTo("Readiness probe failed: HTTP probe failed with statuscode: 404"));
            Assert.That(failures[0].InvolvedObject!.FieldPath, Is.EqualTo("spec.containers{main}"));
        });
    }

    [Test]
    public async Task A_failing_exec_liveness_probe_restarts_the_container()
    {
        var spec = Busybox("touch /tmp/healthy; sleep 2; rm /tmp/healthy; sleep 3600");
        spec.Containers![0].LivenessProbe = new Probe { Exec = new ExecAction { Command = ["cat", "/tmp/healthy"] }, PeriodSeconds = 1, FailureThreshold = 2 };
        spec.Containers[0].LivenessProbe!.TerminationGracePeriodSeconds = 1;
        var pod = await CreatePodAsync("liveness", spec);

        var restarted = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.RestartCount >= 1, "restarted", TimeSpan.FromSeconds(90));
        var events = (await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={pod.Metadata!.Uid}" })).Items;

        Assert.Multiple(() =>
        {
            Assert.That(restarted.Status!.ContainerStatuses!.Single().LastState?.Terminated, Is.Not.Null);
            Assert.That(events.Select(e => (e.Reason, e.Message)), Does.Contain(("Killing", "Container main failed liveness probe, will be restarted")));
            Assert.That(events.Where(e => e.Reason == "Unhealthy").Select(e => e.Message), Has.Some.StartsWith("Liveness probe failed: cat: can't open '/tmp/healthy'"));
        });
    }

    [Test]
    public async Task A_startup_probe_holds_readiness_until_the_port_opens_then_the_container_starts_without_restarts()
    {
        var spec = Busybox("sleep 3; " + Httpd);
        spec.Containers![0].StartupProbe = new Probe { TcpSocket = new TCPSocketAction { Port = IntOrString.FromString("web") }, PeriodSeconds = 1, FailureThreshold = 30 };
        spec.Containers[0].ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/", Port = 8080 }, PeriodSeconds = 1 };
        spec.Containers[0].Ports = [new ContainerPort { Name = "web", ContainerPortValue = 8080 }];
        var pod = await CreatePodAsync("startup", spec);

        var notStarted = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Running is not null, "running");
        var ready = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.Ready == true, "Ready", TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(notStarted.Status!.ContainerStatuses!.Single().Started, Is.False, "running but its startup probe has not passed yet");
            Assert.That(notStarted.Status.ContainerStatuses!.Single().Ready, Is.False);
            Assert.That(ready.Status!.ContainerStatuses!.Single().Started, Is.True);
            Assert.That(ready.Status.ContainerStatuses!.Single().RestartCount, Is.Zero);
        });
    }
}
