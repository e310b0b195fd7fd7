using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;
using NodeObject = Kubelike.Api.Core.V1.Node;

namespace Kubelike.Node.Tests.Agent;

/// <summary><c>kubelike server --container-runtime-endpoint SOCKET --node-name NAME</c> runs the node agent in its own process.</summary>
[TestFixture]
public sealed class InProcessNodeTests
{
    [Test]
    public async Task The_server_runs_its_node_which_becomes_ready_and_runs_a_pod()
    {
        var nodeName = "inproc-" + Guid.NewGuid().ToString("N")[..8];
        await using var server = await KubelikeServer.StartAsync(["--container-runtime-endpoint", "unix://" + TestContainerd.Socket, "--node-name", nodeName, "--node-port", "0"]);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(server.Kubeconfig));
        var pods = client.Resource<Pod>();

        await Poll.UntilAsync(async () =>
        {
            try
            {
                var node = await client.Resource<NodeObject>().GetAsync(nodeName);
                return node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true ? node : null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }, $"node {nodeName} Ready", TimeSpan.FromSeconds(60));
        await pods.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
            Spec = new PodSpec
            {
                NodeName = nodeName,
                TerminationGracePeriodSeconds = 1,
                Containers = [new Container { Name = "main", Image = CriTestPods.BusyboxImage, Command = ["sleep", "3600"] }],
            },
        });
        var running = await Poll.UntilAsync(async () =>
        {
            var pod = await pods.GetAsync("web", "default");
            return pod.Status?.Phase == "Running" ? pod : null;
        }, "pod web Running", TimeSpan.FromSeconds(60));

        // Deleting it lets the agent stop and remove it before the server goes away.
        await pods.DeleteAsync("web", "default");
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await pods.GetAsync("web", "default");
                return null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return "gone";
            }
        }, "pod web removed by the agent", TimeSpan.FromSeconds(60));
        Assert.That(running.Status!.ContainerStatuses!.Single().ContainerID, Does.StartWith("containerd://"));
    }
}
