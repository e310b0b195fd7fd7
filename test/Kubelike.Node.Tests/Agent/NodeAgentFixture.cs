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
/// A real <c>kubelike server --no-node</c> and a <see cref="NodeAgent"/> started here against it and the test
/// containerd, under a node name of its own. Pods the tests create are deleted at the end, and whatever the runtime
/// still holds for them is removed.
/// </summary>
public abstract class NodeAgentFixture
{
    private readonly List<string> _podUids = [];
    private KubelikeServer? _server;
    private KubernetesClient? _client;
#pragma warning disable NUnit1032 // disposed in StopAsync ([OneTimeTearDown]); RestartAgentAsync replaces it mid-fixture
    private NodeAgent? _agent;
#pragma warning restore NUnit1032
    private TempDirectory? _dataDirectory;
    private UnixSocketGrpcChannel? _channel;
    private NodeAgentOptions? _agentOptions;

    protected KubelikeServer Server => _server ?? throw new InvalidOperationException("not started");

    protected KubernetesClient Client => _client ?? throw new InvalidOperationException("not started");

    protected NodeAgent Agent => _agent ?? throw new InvalidOperationException("not started");

    protected RuntimeServiceClient Runtime { get; private set; } = null!;

    protected string NodeName { get; } = "node-" + Guid.NewGuid().ToString("N")[..8];

    protected string AgentDataDirectory => _dataDirectory!.Path;

    protected virtual NodeAgentOptions ConfigureAgent(NodeAgentOptions options) => options;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await KubelikeServer.StartAsync(["--no-node"]);
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(_server.Kubeconfig));
        _dataDirectory = new TempDirectory();
        _channel = new UnixSocketGrpcChannel(TestContainerd.Socket, new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(60) });
        Runtime = new RuntimeServiceClient(_channel);
        _agentOptions = ConfigureAgent(new NodeAgentOptions
        {
            NodeName = NodeName,
            RuntimeEndpoint = TestContainerd.Socket,
            DataDirectory = _dataDirectory.Path,
            CgroupRoot = TestContainerd.CgroupRoot,
            ListenPort = 0,
        });
        _agent = new NodeAgent(_client, _agentOptions);
        await _agent.StartAsync();
    }

    /// <summary>Stops the agent (its containers keep running), runs <paramref name="whileStopped"/>, and starts a new agent with the same options and data.</summary>
    protected async Task RestartAgentAsync(Func<Task> whileStopped)
    {
        var agent = _agent ?? throw new InvalidOperationException("not started");
        _agent = null;
        await agent.DisposeAsync();
        await whileStopped();
        _agent = new NodeAgent(Client, _agentOptions!);
        await _agent.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            if (_client is not null && _agent is not null)
            {
                var pods = Client.Resource<Pod>();
                var list = await pods.ListAsync(null, new ListParameters { FieldSelector = $"spec.nodeName={NodeName}" });
                foreach (var pod in list.Items)
                    await pods.DeleteAsync(pod.Metadata!.Name!, pod.Metadata.Namespace, new DeleteOptions { GracePeriodSeconds = 1 });
                await Poll.UntilAsync(async () =>
                    (await pods.ListAsync(null, new ListParameters { FieldSelector = $"spec.nodeName={NodeName}" })).Items.Count == 0 ? "" : null,
                    "the agent removes every pod of the node", TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            if (_agent is not null)
                await _agent.DisposeAsync();
            await RemoveLeftoversAsync();
            _channel?.Dispose();
            _client?.Dispose();
            if (_server is not null)
                await _server.DisposeAsync();
            _dataDirectory?.Dispose();
        }
    }

    /// <summary>Creates a pod bound to this node (the scheduler is not part of these tests).</summary>
    protected async Task<Pod> CreatePodAsync(string name, PodSpec spec, string ns = "default")
    {
        spec.NodeName = NodeName;
        var created = await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = spec,
        });
        lock (_podUids)
            _podUids.Add(created.Metadata!.Uid!);
        return created;
    }

    protected static PodSpec Busybox(string command, string restartPolicy = "Always", string image = CriTestPods.BusyboxImage) => new()
    {
        RestartPolicy = restartPolicy,
        TerminationGracePeriodSeconds = 2,
        Containers = [new Container { Name = "main", Image = image, Command = ["sh", "-c", command] }],
    };

    protected Task<Pod> WaitForPodAsync(Pod pod, Func<Pod, bool> condition, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () =>
        {
            var current = await Client.Resource<Pod>().GetAsync(pod.Metadata!.Name!, pod.Metadata.Namespace);
            return condition(current) ? current : null;
        }, $"pod {pod.Metadata!.Name}: {what}", timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The runtime's containers of one pod, by the uid label the agent puts on them.</summary>
    protected async Task<IReadOnlyList<Kubelike.Node.Cri.V1.Container>> RuntimeContainersAsync(string podUid)
    {
        var list = await Runtime.ListContainersAsync(new ListContainersRequest
        {
            Filter = new ContainerFilter { LabelSelector = { ["io.kubernetes.pod.uid"] = podUid } },
        });
        return list.Containers;
    }

    protected async Task<IReadOnlyList<PodSandbox>> RuntimeSandboxesAsync(string podUid)
    {
        var list = await Runtime.ListPodSandboxAsync(new ListPodSandboxRequest
        {
            Filter = new PodSandboxFilter { LabelSelector = { ["io.kubernetes.pod.uid"] = podUid } },
        });
        return list.Items;
    }

    private async Task RemoveLeftoversAsync()
    {
        if (_channel is null)
            return;
        foreach (var uid in _podUids)
        {
            foreach (var sandbox in await RuntimeSandboxesAsync(uid))
            {
                foreach (var container in (await Runtime.ListContainersAsync(new ListContainersRequest { Filter = new ContainerFilter { PodSandboxId = sandbox.Id } })).Containers)
                {
                    await Runtime.StopContainerAsync(new StopContainerRequest { ContainerId = container.Id, Timeout = 0 });
                    await Runtime.RemoveContainerAsync(new RemoveContainerRequest { ContainerId = container.Id });
                }

                await Runtime.StopPodSandboxAsync(new StopPodSandboxRequest { PodSandboxId = sandbox.Id });
                await Runtime.RemovePodSandboxAsync(new RemovePodSandboxRequest { PodSandboxId = sandbox.Id });
            }
        }
    }
}
