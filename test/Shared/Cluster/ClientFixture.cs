using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;

namespace Kubelike.Testing;

/// <summary>
/// Base of fixtures that drive a real <c>kubelike server</c> (one per fixture, a child process) through
/// Kubelike.Client: <see cref="Client"/> is configured from the kubeconfig the server wrote, as a user would.
/// </summary>
public abstract class ClientFixture
{
    private KubelikeServer? _server;
    private KubernetesClient? _client;

    protected KubelikeServer Server => _server ?? throw new InvalidOperationException("the fixture's server has not started");

    protected KubernetesClient Client => _client ?? throw new InvalidOperationException("the fixture's server has not started");

    /// <summary>More <c>kubelike server</c> arguments for this fixture's server.</summary>
    protected virtual IReadOnlyList<string> ServerArguments => [];

    /// <summary>Whether the server runs its controllers; off unless a fixture tests them.</summary>
    protected virtual bool WithControllers => false;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        await BeforeServerStartAsync();
        _server = await KubelikeServer.StartAsync(WithControllers ? ServerArguments : ["--no-controllers", .. ServerArguments]);
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
}
