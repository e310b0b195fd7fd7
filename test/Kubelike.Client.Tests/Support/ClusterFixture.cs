using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;

namespace Kubelike.Client.Tests.Support;

/// <summary>
/// Base of fixtures that test the client against a real <c>kubelike server</c> (one per fixture, started as a child
/// process): <see cref="Client"/> is configured from the kubeconfig the server wrote, as a user would configure it.
/// </summary>
public abstract class ClusterFixture
{
    private KubelikeServer? _server;
    private KubernetesClient? _client;

    protected KubelikeServer Server => _server ?? throw new InvalidOperationException("the fixture's server has not started");

    protected KubernetesClient Client => _client ?? throw new InvalidOperationException("the fixture's server has not started");

    /// <summary>More <c>kubelike server</c> arguments for this fixture's server.</summary>
    protected virtual IReadOnlyList<string> ServerArguments => [];

    /// <summary>The client is tested against the API alone: controllers would add writes the tests do not expect.</summary>
    private static readonly string[] NoControllers = ["--no-controllers"];

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        await BeforeServerStartAsync();
        _server = await KubelikeServer.StartAsync([.. NoControllers, .. ServerArguments]);
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(_server.Kubeconfig));
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        _client?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        _server = null;
        await AfterServerStopAsync();
    }

    protected virtual Task BeforeServerStartAsync() => Task.CompletedTask;

    protected virtual Task AfterServerStopAsync() => Task.CompletedTask;

    /// <summary>A new namespace for one test, so tests do not see each other's objects.</summary>
    protected async Task<string> CreateNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } });
        return name;
    }

    protected static ConfigMap NewConfigMap(string ns, string name, IDictionary<string, string>? data = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Data = data ?? new Dictionary<string, string> { ["key"] = "value" },
    };
}
