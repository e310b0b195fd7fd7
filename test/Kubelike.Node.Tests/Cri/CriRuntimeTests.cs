using System.Net;
using System.Text;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Kubelike.Testing;

namespace Kubelike.Node.Tests.Cri;

/// <summary>Kubelike's CRI client against a real containerd: images, pods on the CNI bridge and on the host network, exec, logs.</summary>
[TestFixture]
public sealed class CriRuntimeTests
{
    private UnixSocketGrpcChannel _channel = null!;
    private RuntimeServiceClient _runtime = null!;
    private ImageServiceClient _images = null!;
    private CriTestPods _pods = null!;

    [OneTimeSetUp]
    public void Connect()
    {
        _channel = new UnixSocketGrpcChannel(TestContainerd.Socket, new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(60) });
        _runtime = new RuntimeServiceClient(_channel);
        _images = new ImageServiceClient(_channel);
    }

    [OneTimeTearDown]
    public void Disconnect() => _channel.Dispose();

    [SetUp]
    public void CreatePods() => _pods = new CriTestPods(_runtime);

    [TearDown]
    public async Task RemovePods() => await _pods.DisposeAsync();

    [Test]
    public async Task Version_names_containerd_and_cri_v1()
    {
        var version = await _runtime.VersionAsync(new VersionRequest { Version = "v1" });

        Assert.Multiple(() =>
        {
            Assert.That(version.RuntimeName, Is.EqualTo("containerd"));
            Assert.That(version.RuntimeApiVersion, Is.EqualTo("v1"));
            Assert.That(version.RuntimeVersion, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Status_reports_runtime_and_network_ready()
    {
        var status = await _runtime.StatusAsync(new StatusRequest());

        var conditions = status.Status.Conditions.ToDictionary(c => c.Type, c => c.Status);
        Assert.That(conditions, Does.ContainKey("RuntimeReady").WithValue(true));
        Assert.That(conditions, Does.ContainKey("NetworkReady").WithValue(true), "the CNI conflist written by hack/containerd.sh is loaded");
    }

    [Test]
    public async Task The_offline_images_are_listed_and_a_missing_one_has_no_status()
    {
        var images = await _images.ListImagesAsync(new ListImagesRequest());
        var tags = images.Images.SelectMany(i => i.RepoTags).ToList();
        var busybox = await _images.ImageStatusAsync(new ImageStatusRequest { Image = new ImageSpec { Image = CriTestPods.BusyboxImage } });
        var missing = await _images.ImageStatusAsync(new ImageStatusRequest { Image = new ImageSpec { Image = "kubelike.local/not-built:latest" } });
        var fs = await _images.ImageFsInfoAsync(new ImageFsInfoRequest());

        Assert.Multiple(() =>
        {
            Assert.That(tags, Does.Contain(CriTestPods.BusyboxImage).And.Contain(CriTestPods.PauseImage));
            Assert.That(busybox.Image, Is.Not.Null);
            Assert.That(busybox.Image.Id, Does.StartWith("sha256:"));
            Assert.That(busybox.Image.Size, Is.GreaterThan(500_000UL), "busybox-static is about 1 MB");
            Assert.That(missing.Image, Is.Null);
            Assert.That(fs.ImageFilesystems, Has.Count.GreaterThanOrEqualTo(1));
            Assert.That(fs.ImageFilesystems[0].FsId.Mountpoint, Does.StartWith(TestContainerd.StateDirectory));
        });
    }

    [Test]
    public async Task A_cni_pod_gets_an_ip_on_the_bridge_and_serves_http_to_the_host()
    {
        var config = CriTestPods.SandboxConfig("web", hostNetwork: false);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var container = CriTestPods.BusyboxContainer("httpd", "sh", "-c", "echo serving; exec httpd -f -p 80 -h /var/www");
        container.Linux.Resources = new LinuxContainerResources { MemoryLimitInBytes = 64L * 1024 * 1024 };
        var containerId = await _pods.StartContainerAsync(sandboxId, config, container);

        var sandbox = await _runtime.PodSandboxStatusAsync(new PodSandboxStatusRequest { PodSandboxId = sandboxId });
        Assert.That(sandbox.Status.State, Is.EqualTo(PodSandboxState.SandboxReady));
        var podIp = IPAddress.Parse(sandbox.Status.Network.Ip);
        Assert.That(InSubnet(podIp, TestContainerd.PodCidr), Is.True, $"pod IP {podIp} in {TestContainerd.PodCidr}");
        Assert.That(Directory.GetFileSystemEntries($"/sys/class/net/{TestContainerd.Bridge}/brif"), Has.Length.EqualTo(1),
            "one veth on the bridge");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var page = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://{podIp}:80/"));
            }
            catch (HttpRequestException)
            {
                return null; // httpd not listening yet
            }
        }, $"GET http://{podIp}/ from the host");
        Assert.That(page, Does.Contain("kubelike busybox"));

        var status = await _runtime.ContainerStatusAsync(new ContainerStatusRequest { ContainerId = containerId });
        Assert.Multiple(() =>
        {
            Assert.That(status.Status.State, Is.EqualTo(ContainerState.ContainerRunning));
            Assert.That(status.Status.LogPath, Is.EqualTo(Path.Combine(config.LogDirectory, "httpd", "0.log")));
            Assert.That(MemoryLimitOnHost(config, containerId), Is.EqualTo(64L * 1024 * 1024),
                "the memory limit reaches the container's cgroup under the pod's cgroup parent");
        });
    }

    [Test]
    public async Task A_host_port_of_a_cni_pod_forwards_to_the_pod()
    {
        var config = CriTestPods.SandboxConfig("hostport", hostNetwork: false);
        var hostPort = NetworkPorts.FindFree();
        config.PortMappings.Add(new PortMapping { Protocol = Protocol.Tcp, ContainerPort = 8080, HostPort = hostPort, HostIp = "127.0.0.1" });
        var sandboxId = await _pods.RunSandboxAsync(config);
        await _pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("httpd", "httpd", "-f", "-p", "8080", "-h", "/var/www"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var page = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://127.0.0.1:{hostPort}/"));
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, $"GET http://127.0.0.1:{hostPort}/ through the portmap rule");
        Assert.That(page, Does.Contain("kubelike busybox"));
    }

    [Test]
    public async Task A_host_network_pod_listens_on_the_hosts_loopback()
    {
        var config = CriTestPods.SandboxConfig("hostnet", hostNetwork: true);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var port = NetworkPorts.FindFree();
        await _pods.StartContainerAsync(sandboxId, config,
            CriTestPods.BusyboxContainer("httpd", "httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", "/var/www"));

        var sandbox = await _runtime.PodSandboxStatusAsync(new PodSandboxStatusRequest { PodSandboxId = sandboxId });
        Assert.That(sandbox.Status.State, Is.EqualTo(PodSandboxState.SandboxReady));
        Assert.That(sandbox.Status.Network?.Ip ?? "", Is.Empty, "a host-network pod has no IP of its own");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var page = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, $"GET http://127.0.0.1:{port}/ served from the pod");
        Assert.That(page, Does.Contain("kubelike busybox"));
    }

    [Test]
    public async Task ExecSync_runs_a_command_in_the_container()
    {
        var config = CriTestPods.SandboxConfig("exec", hostNetwork: false);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var containerId = await _pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("main", "sleep", "3600"));

        var hi = await _runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = containerId, Cmd = { "echo", "hi" }, Timeout = 10 });
        var failing = await _runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = containerId, Cmd = { "sh", "-c", "echo oops >&2; exit 7" }, Timeout = 10 });

        Assert.Multiple(() =>
        {
            Assert.That(hi.ExitCode, Is.Zero);
            Assert.That(hi.Stdout.ToStringUtf8(), Is.EqualTo("hi\n"));
            Assert.That(failing.ExitCode, Is.EqualTo(7));
            Assert.That(failing.Stderr.ToStringUtf8(), Is.EqualTo("oops\n"));
        });
    }

    [Test]
    public async Task Container_output_lands_in_the_cri_log_file_under_the_pods_log_directory()
    {
        var config = CriTestPods.SandboxConfig("logs", hostNetwork: false);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var containerId = await _pods.StartContainerAsync(sandboxId, config,
            CriTestPods.BusyboxContainer("writer", "sh", "-c", "echo line-one; echo line-two >&2; printf partial"));

        var expectedPath = Path.Combine(config.LogDirectory, "writer", "0.log");
        var status = await Poll.UntilAsync(async () =>
        {
            var s = await _runtime.ContainerStatusAsync(new ContainerStatusRequest { ContainerId = containerId });
            return s.Status.State == ContainerState.ContainerExited ? s.Status : null;
        }, "the writer container exits");
        var lines = await File.ReadAllLinesAsync(expectedPath);

        Assert.Multiple(() =>
        {
            Assert.That(status.ExitCode, Is.Zero);
            Assert.That(status.Reason, Is.EqualTo("Completed"));
            Assert.That(status.LogPath, Is.EqualTo(expectedPath));
            // <RFC 3339 nano time> <stream> <F full | P partial> <text>
            Assert.That(lines.Select(l => string.Join(' ', l.Split(' ').Skip(1))),
                Is.EquivalentTo(new[] { "stdout F line-one", "stderr F line-two", "stdout P partial" }));
            Assert.That(DateTimeOffset.TryParse(lines[0].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out _), Is.True);
        });
    }

    [Test]
    public async Task Stopping_and_removing_everything_leaves_the_runtime_empty()
    {
        var cniConfig = CriTestPods.SandboxConfig("teardown-cni", hostNetwork: false);
        var cniId = await _pods.RunSandboxAsync(cniConfig);
        await _pods.StartContainerAsync(cniId, cniConfig, CriTestPods.BusyboxContainer("a", "sleep", "3600"));
        var hostConfig = CriTestPods.SandboxConfig("teardown-host", hostNetwork: true);
        var hostId = await _pods.RunSandboxAsync(hostConfig);
        await _pods.StartContainerAsync(hostId, hostConfig, CriTestPods.BusyboxContainer("b", "sleep", "3600"));
        var listed = await _runtime.ListPodSandboxAsync(new ListPodSandboxRequest());
        Assert.That(listed.Items.Select(s => s.Id), Is.SupersetOf(new[] { cniId, hostId }));

        await _pods.DisposeAsync();

        var sandboxes = await _runtime.ListPodSandboxAsync(new ListPodSandboxRequest());
        var containers = await _runtime.ListContainersAsync(new ListContainersRequest());
        Assert.Multiple(() =>
        {
            Assert.That(sandboxes.Items, Is.Empty);
            Assert.That(containers.Containers, Is.Empty);
            Assert.That(Directory.GetFileSystemEntries($"/sys/class/net/{TestContainerd.Bridge}/brif"), Is.Empty, "no veth left on the bridge");
            Assert.That(Directory.GetFileSystemEntries(Path.Combine(TestContainerd.StateDirectory, "state", "io.containerd.grpc.v1.cri", "netns")),
                Is.Empty, "no pod network namespace left");
        });
    }

    [Test]
    public async Task The_pause_process_exits_zero_on_SIGTERM()
    {
        var config = CriTestPods.SandboxConfig("pause", hostNetwork: true);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var pause = CriTestPods.BusyboxContainer("pause");
        pause.Image.Image = CriTestPods.PauseImage;
        var containerId = await _pods.StartContainerAsync(sandboxId, config, pause);

        // PID 1 of its namespace ignores a SIGTERM it has no handler for yet: stop only once pause has installed its
        // handler (SigCgt), as it always has long before a kubelet stops a sandbox.
        var verbose = await _runtime.ContainerStatusAsync(new ContainerStatusRequest { ContainerId = containerId, Verbose = true });
        var pid = System.Text.Json.JsonDocument.Parse(verbose.Info["info"]).RootElement.GetProperty("pid").GetInt32();
        await Poll.UntilAsync(() => CatchesSigterm(pid), "pause catches SIGTERM");

        // A 120 s grace period: only a pause that handles SIGTERM ends with exit code 0 (SIGKILL would give 137).
        await _runtime.StopContainerAsync(new StopContainerRequest { ContainerId = containerId, Timeout = 120 }, TimeSpan.FromSeconds(150));
        var status = await _runtime.ContainerStatusAsync(new ContainerStatusRequest { ContainerId = containerId });

        Assert.Multiple(() =>
        {
            Assert.That(status.Status.State, Is.EqualTo(ContainerState.ContainerExited));
            Assert.That(status.Status.ExitCode, Is.Zero);
        });
    }

    /// <summary>Whether the process has a handler for SIGTERM (bit 15 of the SigCgt mask in /proc/PID/status).</summary>
    private static bool CatchesSigterm(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigCgt:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (15 - 1))) != 0;
    }

    [Test]
    public async Task The_pause_process_reaps_orphans_in_a_shared_pid_namespace()
    {
        var config = CriTestPods.SandboxConfig("reaper", hostNetwork: false);
        var sandboxId = await _pods.RunSandboxAsync(config);
        // Pid=POD: the container joins the sandbox's PID namespace, where pause is PID 1. The inner shell exits at
        // once, orphaning its `sleep 1`, which the kernel hands to PID 1; when it ends, only pause can reap it.
        var container = CriTestPods.BusyboxContainer("main", "sh", "-c", "sh -c 'sleep 1 &'; exec sleep 3600");
        container.Linux.SecurityContext.NamespaceOptions.Pid = NamespaceMode.Pod;
        var containerId = await _pods.StartContainerAsync(sandboxId, config, container);

        var processes = await Poll.UntilAsync(async () =>
        {
            var ps = await _runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = containerId, Cmd = { "sh", "-c", "cat /proc/[0-9]*/stat" }, Timeout = 10 });
            var lines = ps.Stdout.ToStringUtf8().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // The orphan is gone once no `sleep 1` process (running or zombie) is left besides the main `sleep 3600`.
            return lines.Count(l => l.Contains("(sleep)", StringComparison.Ordinal)) == 1 ? lines : null;
        }, "the orphaned sleep ends and is reaped", TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(processes.Any(l => l.StartsWith("1 (pause)", StringComparison.Ordinal)), Is.True, "pause is PID 1 of the pod");
            Assert.That(processes.Where(l => l.Contains(") Z ", StringComparison.Ordinal)), Is.Empty, "no zombie left");
        });
    }

    [Test]
    public async Task A_call_whose_deadline_passes_fails_with_DeadlineExceeded_and_the_channel_stays_usable()
    {
        var config = CriTestPods.SandboxConfig("deadline", hostNetwork: true);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var containerId = await _pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("main", "sleep", "3600"));

        var error = Assert.ThrowsAsync<GrpcCallException>(() => _runtime.ExecSyncAsync(
            new ExecSyncRequest { ContainerId = containerId, Cmd = { "sleep", "30" }, Timeout = 60 }, TimeSpan.FromMilliseconds(500)));
        var version = await _runtime.VersionAsync(new VersionRequest { Version = "v1" });

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
            Assert.That(error.Method, Is.EqualTo("/runtime.v1.RuntimeService/ExecSync"));
            Assert.That(version.RuntimeName, Is.EqualTo("containerd"));
        });
    }

    [Test]
    public async Task Cancelling_a_call_throws_OperationCanceledException()
    {
        var config = CriTestPods.SandboxConfig("cancel", hostNetwork: true);
        var sandboxId = await _pods.RunSandboxAsync(config);
        var containerId = await _pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("main", "sleep", "3600"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(() => _runtime.ExecSyncAsync(new ExecSyncRequest { ContainerId = containerId, Cmd = { "sleep", "30" }, Timeout = 60 },
            cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        var version = await _runtime.VersionAsync(new VersionRequest { Version = "v1" });
        Assert.That(version.RuntimeName, Is.EqualTo("containerd"));
    }

    [Test]
    public void Pulling_an_image_no_registry_serves_fails_fast_with_the_runtimes_reason()
    {
        const string image = "kubelike.local/not-built:1.0";

        var error = Assert.ThrowsAsync<GrpcCallException>(() =>
            _images.PullImageAsync(new PullImageRequest { Image = new ImageSpec { Image = image } }, TimeSpan.FromSeconds(30)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.Not.EqualTo(GrpcStatusCode.DeadlineExceeded), "the runtime gives up on its own, without a hang");
            Assert.That(error.Detail, Does.Contain(image));
        });
    }

    [Test]
    public void Errors_of_the_runtime_carry_its_status_and_message()
    {
        var error = Assert.ThrowsAsync<GrpcCallException>(() =>
            _runtime.ContainerStatusAsync(new ContainerStatusRequest { ContainerId = "no-such-container" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.NotFound));
            Assert.That(error.Detail, Does.Contain("no-such-container"));
        });
    }

    [Test]
    public void A_socket_nobody_listens_on_fails_with_Unavailable()
    {
        using var channel = new UnixSocketGrpcChannel(Path.Combine(TestContainerd.StateDirectory, "nobody.sock"));
        var runtime = new RuntimeServiceClient(channel);

        var error = Assert.ThrowsAsync<GrpcCallException>(() => runtime.VersionAsync(new VersionRequest { Version = "v1" }));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
    }

    private static bool InSubnet(IPAddress address, string cidr)
    {
        var network = IPNetwork.Parse(cidr);
        return network.Contains(address);
    }

    /// <summary>The container's memory limit as its cgroup on the host says (v1 or v2), or null when there is no such cgroup.</summary>
    private static long? MemoryLimitOnHost(PodSandboxConfig config, string containerId)
    {
        var relative = config.Linux.CgroupParent.TrimStart('/') + "/" + containerId;
        foreach (var file in new[] { $"/sys/fs/cgroup/memory/{relative}/memory.limit_in_bytes", $"/sys/fs/cgroup/{relative}/memory.max" })
        {
            if (File.Exists(file))
                return long.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }
}
