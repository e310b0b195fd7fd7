using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Kubelike.Node.Cri.V1;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// What a pod's containers get from the agent on real containerd: a shared network namespace, memory limits the
/// kernel enforces (OOMKilled), pod cgroups per QoS class, and graceful deletion with its preStop hook, SIGTERM and SIGKILL.
/// </summary>
[TestFixture]
public sealed class PodRuntimeTests : NodeAgentFixture
{
    [Test]
    public async Task Sidecar_containers_share_the_pods_localhost()
    {
        var spec = Busybox("sleep 3600");
        spec.Containers =
        [
            new Container { Name = "web", Image = CriTestPods.BusyboxImage, Command = ["sh", "-c", "mkdir -p /www && echo from-web > /www/index.html && exec httpd -f -p 8080 -h /www"] },
            new Container { Name = "sidecar", Image = CriTestPods.BusyboxImage, Command = ["sh", "-c", "until wget -q -O /tmp/page http://127.0.0.1:8080/; do sleep 0.2; done; cat /tmp/page; exec sleep 3600"] },
        ];
        var pod = await CreatePodAsync("sidecar", spec);
        var running = await WaitForPodAsync(pod, p => p.Status?.Phase == "Running" && p.Status.ContainerStatuses?.All(c => c.Ready == true) == true, "both containers running");

        var sidecarId = running.Status!.ContainerStatuses!.Single(c => c.Name == "sidecar").ContainerID!["containerd://".Length..];
        var fetched = await Runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = sidecarId, Cmd = { "wget", "-q", "-O", "-", "http://127.0.0.1:8080/" }, Timeout = 10 });

        Assert.Multiple(() =>
        {
            Assert.That(fetched.ExitCode, Is.Zero, fetched.Stderr.ToStringUtf8());
            Assert.That(fetched.Stdout.ToStringUtf8(), Is.EqualTo("from-web\n"));
        });
    }

    [Test]
    public async Task A_container_exceeding_its_memory_limit_is_reported_oom_killed()
    {
        var spec = Busybox("dd if=/dev/zero of=/dev/null bs=64M count=1", "Never");
        spec.Containers![0].Resources = new ResourceRequirements { Limits = new Dictionary<string, Quantity> { ["memory"] = Quantity.Parse("16Mi") } };
        var pod = await CreatePodAsync("oom", spec);

        var failed = await WaitForPodAsync(pod, p => p.Status?.Phase == "Failed", "Failed");

        var terminated = failed.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Multiple(() =>
        {
            Assert.That(terminated.Reason, Is.EqualTo("OOMKilled"));
            Assert.That(terminated.ExitCode, Is.EqualTo(137));
            Assert.That(failed.Status.QosClass, Is.EqualTo("Burstable"));
        });
    }

    [Test]
    public async Task Pods_get_a_cgroup_per_qos_class_with_their_summed_limits_removed_with_the_pod()
    {
        var guaranteed = Busybox("sleep 3600");
        guaranteed.Containers![0].Resources = new ResourceRequirements
        {
            Limits = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("200m"), ["memory"] = Quantity.Parse("64Mi") },
        };
        var burstable = Busybox("sleep 3600");
        burstable.Containers![0].Resources = new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("100m") } };
        var pods = new[]
        {
            await CreatePodAsync("guaranteed", guaranteed),
            await CreatePodAsync("burstable", burstable),
            await CreatePodAsync("besteffort", Busybox("sleep 3600")),
        };
        var running = new List<Pod>();
        foreach (var pod in pods)
            running.Add(await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running"));

        var uids = pods.Select(p => p.Metadata!.Uid!).ToArray();
        var paths = uids.Select(HostCgroups.Find).ToArray();
        var containerCgroup = $"{paths[0]}/{running[0].Status!.ContainerStatuses!.Single().ContainerID!["containerd://".Length..]}";
        Assert.Multiple(() =>
        {
            Assert.That(running.Select(p => p.Status!.QosClass), Is.EqualTo(new[] { "Guaranteed", "Burstable", "BestEffort" }));
            Assert.That(paths, Is.EqualTo(new[]
            {
                $"{TestContainerd.CgroupRoot}/pod{uids[0]}",
                $"{TestContainerd.CgroupRoot}/burstable/pod{uids[1]}",
                $"{TestContainerd.CgroupRoot}/besteffort/pod{uids[2]}",
            }));
            Assert.That(HostCgroups.Read(paths[0]!, "memory", "memory.limit_in_bytes", "memory.max"), Is.EqualTo((64 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(HostCgroups.Read(containerCgroup, "memory", "memory.limit_in_bytes", "memory.max"), Is.EqualTo((64 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "the container's own limit, in its cgroup below the pod's");
            if (!HostCgroups.Unified)
            {
                Assert.That(HostCgroups.Read(paths[0]!, "cpu", "cpu.cfs_quota_us", ""), Is.EqualTo("20000"));
                Assert.That(HostCgroups.Read(paths[0]!, "cpu", "cpu.shares", ""), Is.EqualTo("204"));
                Assert.That(HostCgroups.Read(paths[1]!, "cpu", "cpu.shares", ""), Is.EqualTo("102"));
                Assert.That(HostCgroups.Read(paths[1]!, "cpu", "cpu.cfs_quota_us", ""), Is.EqualTo("-1"), "no quota without a cpu limit");
                Assert.That(HostCgroups.Read(paths[2]!, "cpu", "cpu.shares", ""), Is.EqualTo("2"));
            }
        });

        foreach (var pod in pods)
            await Client.Resource<Pod>().DeleteAsync(pod.Metadata!.Name!, "default", new DeleteOptions { GracePeriodSeconds = 1 });
        foreach (var uid in uids)
            await Poll.UntilAsync(() => Task.FromResult(HostCgroups.Find(uid) is null ? "" : null), $"pod {uid}'s cgroup is removed");
    }

    [Test]
    public async Task Graceful_deletion_runs_the_pre_stop_hook_then_sigterm_then_sigkill_after_the_grace_period()
    {
        // The containers report to the test over the host's loopback (a host-network pod), so the order is seen here.
        var hits = new ConcurrentQueue<string>();
        using var listener = StartRecorder(hits, out var port);
        var report = $"http://127.0.0.1:{port}";
        var spec = Busybox($"trap 'wget -q -O /dev/null {report}/term' TERM; while true; do wget -q -O /dev/null {report}/alive; sleep 0.3; done");
        spec.HostNetwork = true;
        spec.TerminationGracePeriodSeconds = 3;
        spec.Containers![0].Lifecycle = new Lifecycle
        {
            PreStop = new LifecycleHandler { Exec = new ExecAction { Command = ["wget", "-q", "-O", "/dev/null", $"{report}/prestop"] } },
        };
        var pod = await CreatePodAsync("graceful", spec);
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");
        await Poll.UntilAsync(() => Task.FromResult(hits.Contains("/alive") ? "" : null), "the container reports in");

        await Client.Resource<Pod>().DeleteAsync("graceful", "default");

        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<Pod>().GetAsync("graceful", "default");
                return null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return "";
            }
        }, "the pod object is removed after its grace period");
        var order = hits.ToList();
        var preStop = order.IndexOf("/prestop");
        var term = order.IndexOf("/term");
        var events = await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={pod.Metadata!.Uid}" });
        Assert.Multiple(async () =>
        {
            Assert.That(preStop, Is.GreaterThanOrEqualTo(0), "the preStop hook ran");
            Assert.That(term, Is.GreaterThan(preStop), "SIGTERM came after the hook");
            Assert.That(order.Skip(term + 1), Does.Contain("/alive"), "the container outlived SIGTERM (it only reported it)");
            Assert.That(await RuntimeContainersAsync(pod.Metadata.Uid!), Is.Empty, "SIGKILL ended it and it was removed");
            Assert.That(events.Items.Select(e => e.Reason), Does.Contain("Killing"));
        });
    }

    /// <summary>An HTTP listener on the host's loopback that records the path of every request.</summary>
    private static HttpListener StartRecorder(ConcurrentQueue<string> hits, out int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    hits.Enqueue(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
        return listener;
    }
}
