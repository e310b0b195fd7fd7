using System.Net;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Kubelike.Testing;

namespace Kubelike.Node.Tests.Cri;

/// <summary>hack/containerd.sh itself: a second instance beside the first, and a stop that cleans up pods left running.</summary>
[TestFixture]
public sealed class ContainerdScriptTests
{
    [Test]
    public async Task A_second_instance_runs_beside_the_first_and_stop_removes_what_its_running_pods_left_on_the_host()
    {
        var second = ContainerdInstance.StartNew();
        string podIp;
        int containerdPid;
        try
        {
            containerdPid = second.ProcessId;
            using var channel = new UnixSocketGrpcChannel(second.Socket);
            var runtime = new RuntimeServiceClient(channel);
            // Deliberately never disposed: the pod is still running when the script stops containerd.
            var pods = new CriTestPods(runtime);
            var config = CriTestPods.SandboxConfig("left-running", hostNetwork: false, second);
            config.PortMappings.Add(new PortMapping { ContainerPort = 80, HostPort = NetworkPorts.FindFree(), HostIp = "127.0.0.1" });
            var sandboxId = await pods.RunSandboxAsync(config);
            await pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("main", "sleep", "3600"));
            podIp = (await runtime.PodSandboxStatusAsync(new PodSandboxStatusRequest { PodSandboxId = sandboxId })).Status.Network.Ip;

            Assert.Multiple(() =>
            {
                Assert.That(second.Socket, Is.Not.EqualTo(TestContainerd.Socket));
                Assert.That(second.Bridge, Is.Not.EqualTo(TestContainerd.Bridge));
                Assert.That(IPNetwork.Parse(second.PodCidr).Contains(IPAddress.Parse(podIp)), Is.True);
                Assert.That(second.ShimProcessIds(), Is.Not.Empty);
                Assert.That(NatRulesOf(second), Is.Not.Empty, "portmap added the host port's rules");
            });
            using var firstChannel = new UnixSocketGrpcChannel(TestContainerd.Socket);
            var first = new RuntimeServiceClient(firstChannel);
            Assert.That((await first.VersionAsync(new VersionRequest { Version = "v1" })).RuntimeName, Is.EqualTo("containerd"));
        }
        catch
        {
            second.StopAndDelete();
            throw;
        }

        ContainerdInstance.RunScript("stop", second.StateDirectory);

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(Directory.Exists($"/proc/{containerdPid}"), Is.False, "containerd ended");
                Assert.That(second.ShimProcessIds(), Is.Empty, "no shim outlives its containerd");
                Assert.That(Directory.Exists($"/sys/class/net/{second.Bridge}"), Is.False, "the bridge is gone");
                Assert.That(NatRulesOf(second), Is.Empty, "the portmap rules are gone");
                Assert.That(File.ReadAllText("/proc/self/mounts"), Does.Not.Contain(second.StateDirectory + "/"), "nothing stays mounted");
                Assert.That(Directory.GetDirectories("/sys/fs/cgroup", second.CgroupRoot, SearchOption.TopDirectoryOnly)
                    .Concat(Directory.GetDirectories("/sys/fs/cgroup").SelectMany(h => Directory.GetDirectories(h, second.CgroupRoot))),
                    Is.Empty, "the pod cgroups are removed");
            });
            // The first instance is untouched.
            using var channel = new UnixSocketGrpcChannel(TestContainerd.Socket);
            var first = new RuntimeServiceClient(channel);
            Assert.That((await first.VersionAsync(new VersionRequest { Version = "v1" })).RuntimeName, Is.EqualTo("containerd"));
        }
        finally
        {
            second.StopAndDelete();
        }
    }

    private static List<string> NatRulesOf(ContainerdInstance containerd) =>
        HostCommand.Run("iptables", "-w", "5", "-t", "nat", "-S")
            .Split('\n')
            .Where(rule => rule.Contains($"name: \\\"{containerd.Bridge}\\\"", StringComparison.Ordinal))
            .ToList();
}
