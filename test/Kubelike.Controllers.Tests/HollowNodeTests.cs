using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Tests.Support;
using HollowNodeOptions = Kubelike.Node.Hollow.HollowNodeOptions;

namespace Kubelike.Controllers.Tests;

/// <summary>The hollow node (Kubelike.Node.Hollow) against a real server, with the scheduler binding pods to it.</summary>
[TestFixture]
public sealed class HollowNodeTests : ControllerFixture
{
    [Test]
    public async Task It_registers_a_ready_node_with_a_lease()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);

        var registered = await Client.Resource<Api.Core.V1.Node>().GetAsync(node.NodeName);
        var lease = await Poll.UntilAsync(async () => await TryGetLeaseAsync(node.NodeName), "the node's lease", Timeout);

        Assert.That(registered.Metadata!.Labels!["kubernetes.io/hostname"], Is.EqualTo(node.NodeName));
        Assert.That(registered.Status!.Conditions!.Single(c => c.Type == "Ready").Status, Is.EqualTo("True"));
        Assert.That(registered.Status.Allocatable!["pods"].ToString(), Is.EqualTo("110"));
        Assert.That(lease.Spec!.HolderIdentity, Is.EqualTo(node.NodeName));
    }

    [Test]
    public async Task A_bound_pod_runs_with_an_ip_and_a_deleted_one_goes_away()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Pod>().CreateAsync(NewPod(ns, "web", restartPolicy: null, exitCode: null));

        var running = await Poll.UntilAsync(async () => await Client.Resource<Pod>().GetAsync("web", ns) is { Status.Phase: "Running" } pod ? pod : null, "the pod running", Timeout);
        Assert.That(running.Status!.PodIP, Does.StartWith("10."));
        Assert.That(running.Status.HostIP, Is.EqualTo(node.InternalIp));
        Assert.That(running.Status.ContainerStatuses!.Single().State!.Running, Is.Not.Null);
        Assert.That(running.Status.Conditions!.Single(c => c.Type == "Ready").Status, Is.EqualTo("True"));

        await Client.Resource<Pod>().DeleteAsync("web", ns);

        await UntilAsync(async () => (await Client.Resource<Pod>().ListAsync(ns)).Items.Count == 0, "the pod gone");
    }

    [TestCase("0", "Never", "Succeeded", 0)]
    [TestCase("3", "Never", "Failed", 3)]
    [TestCase("1", "OnFailure", "Failed", 1)]
    public async Task A_pod_with_an_exit_code_ends_after_running(string annotation, string restartPolicy, string phase, int exitCode)
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Pod>().CreateAsync(NewPod(ns, "job", restartPolicy, annotation));

        var ended = await Poll.UntilAsync(async () => await Client.Resource<Pod>().GetAsync("job", ns) is { Status.Phase: "Succeeded" or "Failed" } pod ? pod : null, "the pod ended", Timeout);

        Assert.That(ended.Status!.Phase, Is.EqualTo(phase));
        Assert.That(ended.Status.ContainerStatuses!.Single().State!.Terminated!.ExitCode, Is.EqualTo(exitCode));
        Assert.That(ended.Status.PodIP, Is.Not.Null, "it was running first");
    }

    [Test]
    public async Task A_pod_that_restarts_always_keeps_running_whatever_its_exit_code()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Pod>().CreateAsync(NewPod(ns, "web", "Always", "1"));
        await Client.Resource<Pod>().CreateAsync(NewPod(ns, "marker", "Never", "0"));

        // The marker pod, created after it, ending shows the node has handled the first one.
        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("marker", ns)).Status?.Phase == "Succeeded", "the marker pod ended");

        Assert.That((await Client.Resource<Pod>().GetAsync("web", ns)).Status!.Phase, Is.EqualTo("Running"));
    }

    private async Task<Lease?> TryGetLeaseAsync(string name)
    {
        try
        {
            return await Client.Resource<Lease>().GetAsync(name, "kube-node-lease");
        }
        catch (Client.Rest.KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static Pod NewPod(string ns, string name, string? restartPolicy, string? exitCode) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Annotations = exitCode is null ? null : new Dictionary<string, string> { [HollowNodeOptions.ExitCodeAnnotation] = exitCode },
        },
        Spec = new PodSpec { RestartPolicy = restartPolicy, Containers = [new Container { Name = "main", Image = "busybox" }] },
    };
}
