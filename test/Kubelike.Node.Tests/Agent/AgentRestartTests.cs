using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// Restart safety: an agent that stops and starts again re-adopts the pods the runtime still runs (same containers,
/// same restart counts, no new sandbox) and removes what is left of pods deleted meanwhile: sandboxes, containers,
/// their CNI address and their cgroup.
/// </summary>
[TestFixture]
public sealed class AgentRestartTests : NodeAgentFixture
{
    [Test]
    public async Task A_restarted_agent_keeps_running_pods_and_removes_the_pods_deleted_while_it_was_away()
    {
        var survivor = await CreatePodAsync("survivor", Busybox("sleep 3600"));
        var crashing = await CreatePodAsync("crashing", Busybox("exit 1", "OnFailure"));
        var forced = await CreatePodAsync("forced", Busybox("sleep 3600"));
        var graceful = await CreatePodAsync("graceful", Busybox("trap 'exit 0' TERM; while true; do sleep 1; done"));
        var before = await WaitForPodAsync(survivor, p => p.Status?.Phase == "Running", "Running");
        var forcedRunning = await WaitForPodAsync(forced, p => p.Status?.Phase == "Running", "Running");
        await WaitForPodAsync(graceful, p => p.Status?.Phase == "Running", "Running");
        var crashed = await WaitForPodAsync(crashing, p => p.Status?.ContainerStatuses?.Single().RestartCount >= 1, "restarted once");
        var survivorSandbox = (await RuntimeSandboxesAsync(survivor.Metadata!.Uid!)).Single().Id;
        var forcedIp = forcedRunning.Status!.PodIP!;
        Assert.That(IpamAllocated(forcedIp), Is.True, "the host-local IPAM records the forced pod's address while it runs");
        Assert.That(PodCgroupExists(forced.Metadata!.Uid!), Is.True, "the forced pod has a pod cgroup while it runs");

        await RestartAgentAsync(async () =>
        {
            var pods = Client.Resource<Pod>();
            await pods.DeleteAsync("forced", "default", new DeleteOptions { GracePeriodSeconds = 0 });
            await pods.DeleteAsync("graceful", "default", new DeleteOptions { GracePeriodSeconds = 5 });
            Assert.That(await RuntimeContainersAsync(forced.Metadata.Uid!), Is.Not.Empty, "nothing removes the forced pod's containers while the agent is away");
        });

        await Poll.UntilAsync(async () => (await RuntimeSandboxesAsync(forced.Metadata.Uid!)).Count == 0 ? "" : null,
            "the forced pod's sandbox is removed (CRI ListPodSandbox)");
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
        }, "the gracefully deleted pod is stopped and its object removed");
        var after = await WaitForPodAsync(survivor, p => p.Status?.Phase == "Running", "Running");
        var crashedAfter = await Client.Resource<Pod>().GetAsync("crashing", "default");

        var container = after.Status!.ContainerStatuses!.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(container.ContainerID, Is.EqualTo(before.Status!.ContainerStatuses!.Single().ContainerID), "the same container runs on");
            Assert.That(container.RestartCount, Is.Zero);
            Assert.That(container.State!.Running, Is.Not.Null);
            Assert.That(after.Status.PodIP, Is.EqualTo(before.Status.PodIP));
            Assert.That(after.Status.StartTime, Is.EqualTo(before.Status.StartTime));
            Assert.That((await RuntimeSandboxesAsync(survivor.Metadata.Uid!)).Select(s => s.Id), Is.EqualTo(new[] { survivorSandbox }), "no new sandbox");
            Assert.That(await RuntimeContainersAsync(survivor.Metadata.Uid!), Has.Count.EqualTo(1));
            Assert.That(crashedAfter.Status!.ContainerStatuses!.Single().RestartCount, Is.GreaterThanOrEqualTo(crashed.Status!.ContainerStatuses!.Single().RestartCount ?? 0),
                "a restarted container's count carries on");
            Assert.That(crashedAfter.Status.ContainerStatuses!.Single().LastState?.Terminated?.ExitCode, Is.EqualTo(1));
            Assert.That(await RuntimeContainersAsync(forced.Metadata.Uid!), Is.Empty, "the forced pod's containers are removed");
            Assert.That(await RuntimeSandboxesAsync(graceful.Metadata!.Uid!), Is.Empty, "the graceful pod's sandbox is removed");
            Assert.That(IpamAllocated(forcedIp), Is.False, "the forced pod's address is released");
            Assert.That(PodCgroupExists(forced.Metadata.Uid!), Is.False, "the forced pod's cgroup is removed");
            Assert.That(Directory.Exists(Path.Combine(AgentDataDirectory, "pods-like", $"default_forced_{forced.Metadata.Uid}")), Is.False, "its logs are removed");
        });
    }

    /// <summary>Whether host-local IPAM (hack/containerd.sh keeps its files under the state directory) holds the address.</summary>
    private static bool IpamAllocated(string ip) =>
        File.Exists(Path.Combine(TestContainerd.StateDirectory, "cni", "ipam", TestContainerd.Bridge, ip));

    private static bool PodCgroupExists(string uid) => HostCgroups.Find(uid) is not null;
}
