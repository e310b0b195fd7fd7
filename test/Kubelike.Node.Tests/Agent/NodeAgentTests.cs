using System.Diagnostics;
using System.Globalization;
using System.Net;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri.V1;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;
using NodeObject = Kubelike.Api.Core.V1.Node;

namespace Kubelike.Node.Tests.Agent;

/// <summary>The node agent against a real server and the test containerd: registration, heartbeats, pods from spec to status, deletion.</summary>
[TestFixture]
public sealed class NodeAgentTests : NodeAgentFixture
{
    protected override NodeAgentOptions ConfigureAgent(NodeAgentOptions options) =>
        options with { LeaseRenewInterval = TimeSpan.FromSeconds(1) };

    [Test]
    public async Task The_node_registers_ready_with_capacity_and_node_info_and_its_lease_renews()
    {
        var node = await Client.Resource<NodeObject>().GetAsync(NodeName);
        var leases = Client.Resource<Lease>();
        var first = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await leases.GetAsync(NodeName, "kube-node-lease");
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }, "the node's lease");
        var renewed = await Poll.UntilAsync(async () =>
        {
            var lease = await leases.GetAsync(NodeName, "kube-node-lease");
            return lease.Spec!.RenewTime!.Value.Value > first.Spec!.RenewTime!.Value.Value ? lease : null;
        }, "the lease's renewTime moves on");

        var conditions = node.Status!.Conditions!.ToDictionary(c => c.Type!, c => c);
        Assert.Multiple(() =>
        {
            Assert.That(conditions["Ready"].Status, Is.EqualTo("True"));
            Assert.That(conditions["MemoryPressure"].Status, Is.EqualTo("False"));
            Assert.That(conditions["DiskPressure"].Status, Is.EqualTo("False"));
            Assert.That(conditions["PIDPressure"].Status, Is.EqualTo("False"));
            Assert.That(conditions["Ready"].LastHeartbeatTime, Is.Not.Null);
            Assert.That(node.Status.Capacity!["pods"].ToString(), Is.EqualTo("110"));
            Assert.That(node.Status.Capacity["cpu"].ToDecimal(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(node.Status.Capacity["memory"].ToDecimal(), Is.GreaterThan(100m * 1024 * 1024));
            Assert.That(node.Status.Allocatable!.Keys, Is.SupersetOf(new[] { "cpu", "memory", "pods", "ephemeral-storage" }));
            Assert.That(node.Status.Addresses!.Select(a => a.Type), Is.EquivalentTo(new[] { "InternalIP", "Hostname" }));
            Assert.That(node.Status.NodeInfo!.KubeletVersion, Is.EqualTo("v1.33.0-kubelike"));
            Assert.That(node.Status.NodeInfo.ContainerRuntimeVersion, Does.StartWith("containerd://"));
            Assert.That(node.Metadata!.Labels!["kubernetes.io/hostname"], Is.EqualTo(NodeName));
            Assert.That(renewed.Spec!.HolderIdentity, Is.EqualTo(NodeName));
            Assert.That(renewed.Spec.LeaseDurationSeconds, Is.EqualTo(40));
        });
    }

    [Test]
    public async Task A_pod_bound_to_the_node_runs_and_reports_running_ready_and_its_ip()
    {
        var pod = await CreatePodAsync("hello", Busybox("echo hello; sleep 3600"));

        var running = await WaitForPodAsync(pod, p => p.Status?.Phase == "Running" && IsReady(p), "Running and Ready");

        var status = running.Status!;
        var container = status.ContainerStatuses!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(IPNetwork.Parse(TestContainerd.PodCidr).Contains(IPAddress.Parse(status.PodIP!)), Is.True, $"pod IP {status.PodIP} in {TestContainerd.PodCidr}");
            Assert.That(status.PodIPs!.Select(ip => ip.Ip), Is.EqualTo(new[] { status.PodIP }));
            Assert.That(status.HostIP, Is.Not.Empty);
            Assert.That(status.StartTime, Is.Not.Null);
            Assert.That(status.Conditions!.Select(c => c.Type), Is.SupersetOf(new[] { "PodScheduled", "Initialized", "ContainersReady", "Ready" }));
            Assert.That(container.State!.Running, Is.Not.Null);
            Assert.That(container.Ready, Is.True);
            Assert.That(container.RestartCount, Is.Zero);
            Assert.That(container.Image, Is.EqualTo(CriTestPods.BusyboxImage));
            Assert.That(container.ImageID, Is.Not.Empty);
            Assert.That(container.ContainerID, Does.StartWith("containerd://"));
        });

        var logFile = Path.Combine(AgentDataDirectory, "pods-like", $"default_hello_{pod.Metadata!.Uid}", "main", "0.log");
        var log = await Poll.UntilAsync(() => Task.FromResult(File.Exists(logFile) && File.ReadAllText(logFile).Contains("hello", StringComparison.Ordinal) ? File.ReadAllText(logFile) : null),
            "the container's output in its log file");
        Assert.That(log, Does.Contain(" stdout F hello"));

        // The kubelet's events of a start, from this node (their timestamps have whole seconds: no order to check).
        var events = await Poll.UntilAsync(async () =>
        {
            var list = (await PodEventsAsync(pod)).Where(e => e.Reason is "Pulled" or "Created" or "Started").ToList();
            return list.Count == 3 ? list : null;
        }, "Pulled, Created and Started events");
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => (e.Reason, e.Message)), Is.EquivalentTo(new[]
            {
                ("Pulled", $"Container image \"{CriTestPods.BusyboxImage}\" already present on machine"),
                ("Created", "Created container: main"),
                ("Started", "Started container: main"),
            }));
            Assert.That(events.Select(e => (e.Type, e.Source?.Component, e.Source?.Host, e.InvolvedObject?.FieldPath)).Distinct(),
                Is.EqualTo(new[] { ("Normal", "kubelet", NodeName, "spec.containers{main}") }));
        });
    }

    private async Task<IReadOnlyList<Event>> PodEventsAsync(Pod pod) =>
        (await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={pod.Metadata!.Uid}" })).Items;

    [Test]
    public async Task A_pod_whose_command_exits_0_with_restart_policy_never_succeeds()
    {
        var pod = await CreatePodAsync("done", Busybox("exit 0", "Never"));

        var succeeded = await WaitForPodAsync(pod, p => p.Status?.Phase == "Succeeded", "Succeeded");

        var terminated = succeeded.Status!.ContainerStatuses!.Single().State!.Terminated;
        Assert.Multiple(() =>
        {
            Assert.That(terminated, Is.Not.Null);
            Assert.That(terminated!.ExitCode, Is.Zero);
            Assert.That(terminated.Reason, Is.EqualTo("Completed"));
            Assert.That(terminated.ContainerID, Does.StartWith("containerd://"));
            Assert.That(IsReady(succeeded), Is.False);
        });
    }

    [Test]
    public async Task A_pod_whose_command_exits_1_with_restart_policy_never_fails()
    {
        var pod = await CreatePodAsync("fails", Busybox("exit 3", "Never"));

        var failed = await WaitForPodAsync(pod, p => p.Status?.Phase == "Failed", "Failed");

        var terminated = failed.Status!.ContainerStatuses!.Single().State!.Terminated;
        Assert.That(terminated?.ExitCode, Is.EqualTo(3));
        Assert.That(terminated?.Reason, Is.EqualTo("Error"));
    }

    [Test]
    public async Task A_failing_container_with_restart_policy_on_failure_is_restarted_with_back_off()
    {
        var pod = await CreatePodAsync("crashloop", Busybox("echo crash; exit 1", "OnFailure"));

        var restarted = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.RestartCount >= 2,
            "restartCount reaches 2 (once at once, once after 10 s)");

        var container = restarted.Status!.ContainerStatuses!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(restarted.Status.Phase, Is.EqualTo("Running"));
            Assert.That(container.LastState?.Terminated?.ExitCode, Is.EqualTo(1));
        });
        var backingOff = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.Single().State?.Waiting?.Reason == "CrashLoopBackOff",
            "waiting in CrashLoopBackOff");
        Assert.That(backingOff.Status!.ContainerStatuses!.Single().State!.Waiting!.Message, Does.StartWith("back-off "));
        var backOff = await Poll.UntilAsync(async () => (await PodEventsAsync(pod)).FirstOrDefault(e => e.Reason == "BackOff"), "a BackOff event");
        Assert.That((backOff.Type, backOff.Message), Is.EqualTo(("Warning",
            $"Back-off restarting failed container main in pod {pod.Metadata!.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})")));
    }

    [Test]
    public async Task An_image_that_does_not_exist_is_err_image_pull_then_image_pull_back_off_with_an_event()
    {
        var pod = await CreatePodAsync("noimage", Busybox("true", image: "kubelike.local/does-not-exist:latest"));

        var waiting = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.Single().State?.Waiting?.Reason is "ErrImagePull" or "ImagePullBackOff",
            "waiting for its image");
        await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.Single().State?.Waiting?.Reason == "ImagePullBackOff", "ImagePullBackOff");
        var events = await Poll.UntilAsync(async () =>
        {
            var list = await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={pod.Metadata!.Uid}" });
            return list.Items.Count > 0 ? list.Items : null;
        }, "an event about the pod");

        Assert.Multiple(() =>
        {
            Assert.That(waiting.Status!.Phase, Is.EqualTo("Pending"));
            Assert.That(waiting.Status.ContainerStatuses!.Single().State!.Waiting!.Message, Does.Contain("kubelike.local/does-not-exist:latest"));
            Assert.That(events.Select(e => (e.Type, e.Reason)), Does.Contain(("Warning", "Failed")));
        });
        var backOff = await Poll.UntilAsync(async () => (await PodEventsAsync(pod)).FirstOrDefault(e => e.Reason == "BackOff"), "a BackOff event");
        Assert.That((backOff.Type, backOff.Message), Is.EqualTo(("Normal", "Back-off pulling image \"kubelike.local/does-not-exist:latest\"")));
    }

    [Test]
    public async Task Deleting_a_running_pod_stops_its_containers_and_removes_the_object()
    {
        var pod = await CreatePodAsync("doomed", Busybox("trap 'exit 0' TERM; while true; do sleep 1; done"));
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");
        Assert.That(await RuntimeContainersAsync(pod.Metadata!.Uid!), Has.Count.EqualTo(1));

        await Client.Resource<Pod>().DeleteAsync("doomed", "default");

        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<Pod>().GetAsync("doomed", "default");
                return null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return "gone";
            }
        }, "the pod object disappears", TimeSpan.FromSeconds(60));
        Assert.Multiple(async () =>
        {
            Assert.That(await RuntimeContainersAsync(pod.Metadata.Uid!), Is.Empty, "its containers are removed");
            Assert.That(await RuntimeSandboxesAsync(pod.Metadata.Uid!), Is.Empty, "its sandbox is removed");
        });
    }

    [Test]
    public async Task Environment_from_a_config_map_a_secret_and_the_pods_fields_reaches_the_container()
    {
        await Client.Resource<ConfigMap>().CreateAsync(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "settings", Namespace = "default" },
            Data = new Dictionary<string, string> { ["mode"] = "fast", ["level"] = "3" },
        });
        await Client.Resource<Secret>().CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "creds", Namespace = "default" },
            Data = new Dictionary<string, byte[]> { ["password"] = "s3cret"u8.ToArray() },
        });
        var spec = Busybox("sleep 3600");
        spec.Containers![0].EnvFrom = [new EnvFromSource { Prefix = "CM_", ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } }];
        spec.Containers[0].Env =
        [
            new EnvVar { Name = "MODE", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "settings", Key = "mode" } } },
            new EnvVar { Name = "PASSWORD", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "creds", Key = "password" } } },
            new EnvVar { Name = "POD_NAME", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new EnvVar { Name = "GREETING", Value = "mode=$(MODE)" },
        ];
        var pod = await CreatePodAsync("env", spec);
        var running = await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");

        var containerId = running.Status!.ContainerStatuses!.Single().ContainerID!["containerd://".Length..];
        var env = await Runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = containerId, Cmd = { "env" }, Timeout = 10 });
        var lines = env.Stdout.ToStringUtf8().Split('\n');

        Assert.That(lines, Is.SupersetOf(new[] { "MODE=fast", "CM_mode=fast", "CM_level=3", "PASSWORD=s3cret", "POD_NAME=env", "GREETING=mode=fast" }));
    }

    [Test]
    public async Task Init_containers_run_to_completion_in_order_before_the_app_container()
    {
        var spec = Busybox("sleep 3600");
        spec.InitContainers =
        [
            new Container { Name = "first", Image = CriTestPods.BusyboxImage, Command = ["sh", "-c", "echo first"] },
            new Container { Name = "second", Image = CriTestPods.BusyboxImage, Command = ["sh", "-c", "echo second"] },
        ];
        var pod = await CreatePodAsync("init", spec);

        var running = await WaitForPodAsync(pod, p => p.Status?.Phase == "Running" && IsReady(p), "Running and Ready");

        var inits = running.Status!.InitContainerStatuses!;
        Assert.Multiple(() =>
        {
            Assert.That(inits.Select(s => s.Name), Is.EqualTo(new[] { "first", "second" }));
            Assert.That(inits.Select(s => s.State?.Terminated?.ExitCode), Is.All.EqualTo(0));
            Assert.That(inits[0].State!.Terminated!.FinishedAt!.Value.Value, Is.LessThanOrEqualTo(inits[1].State!.Terminated!.StartedAt!.Value.Value));
            Assert.That(running.Status.Conditions!.Single(c => c.Type == "Initialized").Status, Is.EqualTo("True"));
        });
    }

    [Test]
    public async Task Pod_start_latency_from_create_to_running()
    {
        const int Pods = 10;
        var latencies = new List<double>();
        for (var i = 0; i < Pods; i++)
        {
            var clock = Stopwatch.StartNew();
            var pod = await CreatePodAsync($"latency-{i}", Busybox("sleep 3600"));
            await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        var p50 = latencies[Pods / 2];
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pod start latency (create → Running seen by a client), {Pods} pods one after another: p50 {p50:0} ms, min {latencies[0]:0} ms, max {latencies[^1]:0} ms"));
        Assert.That(latencies, Has.Count.EqualTo(Pods));
    }

    private static bool IsReady(Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
