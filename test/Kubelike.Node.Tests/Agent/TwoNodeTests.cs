using System.Net;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// Two node agents on one machine, each with a containerd of its own (separate state, bridge, pod subnet and cgroup
/// root), under a real server whose scheduler and controllers place Deployment pods on them. The second containerd is
/// the one in KUBELIKE_TEST_CONTAINERD2_DIR, or one started here as hack/containerd.sh starts the first.
/// </summary>
[TestFixture]
public sealed class TwoNodeTests
{
    private readonly List<(NodeAgent Agent, ContainerdInstance Runtime, TempDirectory Data, string Name)> _nodes = [];
    private KubelikeServer? _server;
    private KubernetesClient? _client;
    private ContainerdInstance? _second;
    private bool _secondStartedHere;

    private KubernetesClient Client => _client!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBELIKE_TEST_CONTAINERD2_DIR");
        _secondStartedHere = string.IsNullOrEmpty(fromEnvironment);
        _second = _secondStartedHere ? ContainerdInstance.StartNew() : ContainerdInstance.Existing(fromEnvironment!);
        _server = await KubelikeServer.StartAsync(["--no-node"]);
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(_server.Kubeconfig));
        foreach (var runtime in new[] { TestContainerd.Instance, _second })
        {
            var data = new TempDirectory();
            var name = "node-" + Guid.NewGuid().ToString("N")[..8];
            var agent = new NodeAgent(_client, new NodeAgentOptions
            {
                NodeName = name,
                RuntimeEndpoint = runtime.Socket,
                DataDirectory = data.Path,
                CgroupRoot = runtime.CgroupRoot,
                ListenPort = 0,
            });
            _nodes.Add((agent, runtime, data, name));
            await agent.StartAsync();
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            if (_client is not null)
            {
                foreach (var deployment in (await Client.Resource<Deployment>().ListAsync("default")).Items)
                    await Client.Resource<Deployment>().DeleteAsync(deployment.Metadata!.Name!, "default", new DeleteOptions { PropagationPolicy = "Foreground" });
                await Poll.UntilAsync(async () => (await Client.Resource<Pod>().ListAsync("default")).Items.Count == 0 ? "" : null,
                    "the Deployments' pods are gone", TimeSpan.FromSeconds(90));
            }
        }
        finally
        {
            foreach (var (agent, runtime, data, name) in _nodes)
            {
                await agent.DisposeAsync();
                await RemoveSandboxesAsync(runtime, name);
                data.Dispose();
            }

            _client?.Dispose();
            if (_server is not null)
                await _server.DisposeAsync();
            if (_secondStartedHere)
                _second?.StopAndDelete();
        }
    }

    [Test]
    public async Task Deployments_placed_on_each_node_by_the_scheduler_run_with_ips_from_their_nodes_subnets()
    {
        foreach (var (_, _, _, name) in _nodes)
        {
            var template = Httpd($"on-{name}");
            template.Spec!.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name };
            await Client.Resource<Deployment>().CreateAsync(Deployment($"on-{name}", 1, template));
        }

        var pods = await RunningPodsAsync(p => p.Metadata!.Name!.StartsWith("on-", StringComparison.Ordinal), 2);

        Assert.Multiple(() =>
        {
            foreach (var (_, runtime, _, name) in _nodes)
            {
                var pod = pods.Single(p => p.Metadata!.Labels!["app"] == $"on-{name}");
                Assert.That(pod.Spec!.NodeName, Is.EqualTo(name), "the scheduler bound it to the node its selector names");
                Assert.That(IPNetwork.Parse(runtime.PodCidr).Contains(IPAddress.Parse(pod.Status!.PodIP!)), Is.True,
                    $"{pod.Metadata!.Name} on {name}: {pod.Status.PodIP} in {runtime.PodCidr}");
            }
        });
    }

    [Test]
    public async Task A_deployment_of_three_httpd_replicas_answers_http_from_the_host_on_every_pod_ip()
    {
        await Client.Resource<Deployment>().CreateAsync(Deployment("web", 3, Httpd("web")));

        var pods = await RunningPodsAsync(p => p.Metadata!.Labels is { } labels && labels.TryGetValue("app", out var app) && app == "web", 3);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var pod in pods)
        {
            var runtime = _nodes.Single(n => n.Name == pod.Spec!.NodeName).Runtime;
            Assert.That(IPNetwork.Parse(runtime.PodCidr).Contains(IPAddress.Parse(pod.Status!.PodIP!)), Is.True, $"{pod.Status.PodIP} in {runtime.PodCidr}");
            var body = await Poll.UntilAsync(async () =>
            {
                try
                {
                    return await http.GetStringAsync(new Uri($"http://{pod.Status.PodIP}:8080/"));
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            }, $"GET http://{pod.Status.PodIP}:8080/");
            Assert.That(body, Is.EqualTo(pod.Metadata!.Name + "\n"), "each pod serves its own page (its hostname)");
        }
    }

    private async Task<List<Pod>> RunningPodsAsync(Func<Pod, bool> which, int count) =>
        await Poll.UntilAsync(async () =>
        {
            var pods = (await Client.Resource<Pod>().ListAsync("default")).Items.Where(which).ToList();
            return pods.Count == count && pods.All(p => p.Status?.Phase == "Running" && p.Status.PodIP is not null) ? pods : null;
        }, $"{count} pods Running", TimeSpan.FromSeconds(90));

    private static Deployment Deployment(string name, int replicas, PodTemplateSpec template) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = template,
        },
    };

    private static PodTemplateSpec Httpd(string app) => new()
    {
        Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new PodSpec
        {
            TerminationGracePeriodSeconds = 1,
            Containers =
            [
                new Container
                {
                    Name = "httpd",
                    Image = CriTestPods.BusyboxImage,
                    Command = ["sh", "-c", "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www"],
                    Ports = [new ContainerPort { ContainerPortValue = 8080 }],
                },
            ],
        },
    };

    /// <summary>Whatever a node's agent left in its runtime (a failed test): removed, so the next fixture starts clean.</summary>
    private static async Task RemoveSandboxesAsync(ContainerdInstance runtime, string nodeName)
    {
        using var channel = new UnixSocketGrpcChannel(runtime.Socket, new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(60) });
        var client = new RuntimeServiceClient(channel);
        var sandboxes = await client.ListPodSandboxAsync(new ListPodSandboxRequest
        {
            Filter = new PodSandboxFilter { LabelSelector = { ["kubelike.io/node-name"] = nodeName } },
        });
        foreach (var sandbox in sandboxes.Items)
        {
            foreach (var container in (await client.ListContainersAsync(new ListContainersRequest { Filter = new ContainerFilter { PodSandboxId = sandbox.Id } })).Containers)
            {
                try
                {
                    await client.StopContainerAsync(new StopContainerRequest { ContainerId = container.Id, Timeout = 0 });
                }
                catch (GrpcCallException)
                {
                    // a stop the agent's shutdown cancelled can leave the shim closed; RemoveContainer still clears it
                }

                await client.RemoveContainerAsync(new RemoveContainerRequest { ContainerId = container.Id });
            }

            await client.StopPodSandboxAsync(new StopPodSandboxRequest { PodSandboxId = sandbox.Id });
            await client.RemovePodSandboxAsync(new RemovePodSandboxRequest { PodSandboxId = sandbox.Id });
        }
    }
}
