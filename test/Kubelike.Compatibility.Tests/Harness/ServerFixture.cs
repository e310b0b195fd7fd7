namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>
/// Base class of API compatibility fixtures: one <see cref="KubelikeServer"/> shared by the tests of the fixture
/// (started once, stopped and deleted after the last test), and per test a directory for client state (kubectl's
/// discovery cache, helm's homes) so that tests do not see each other's caches.
/// </summary>
public abstract class ServerFixture
{
    private KubelikeServer? _server;
    private TempDirectory? _testDirectory;

    protected KubelikeServer Server => _server ?? throw new InvalidOperationException("the fixture's server has not started");

    /// <summary>A directory of the current test, deleted after it.</summary>
    protected TempDirectory TestDirectory => _testDirectory ?? throw new InvalidOperationException("only available inside a test");

    /// <summary>
    /// Whether the fixture's server runs the controllers. Off by default: these fixtures test the API itself, and
    /// controllers writing status would move the resourceVersions several tests reason about.
    /// </summary>
    protected virtual bool WithControllers => false;

    /// <summary>More <c>kubelike server</c> arguments of the fixture (e.g. <c>--token-auth-file</c>).</summary>
    protected virtual IReadOnlyList<string> ServerArguments => [];

    [OneTimeSetUp]
    public async Task StartServerAsync() => _server = await KubelikeServer.StartAsync([.. WithControllers ? [] : new[] { "--no-controllers" }, .. ServerArguments]);

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    [SetUp]
    public void CreateTestDirectory() => _testDirectory = new TempDirectory("kl-client");

    [TearDown]
    public void DeleteTestDirectory()
    {
        _testDirectory?.Dispose();
        _testDirectory = null;
    }

    /// <summary>kubectl of <paramref name="version"/> against the fixture's server, with this test's cache directory.</summary>
    protected Kubectl Kubectl(KubectlVersion version) =>
        new(version, Server.Kubeconfig, TestDirectory.Combine($"kubectl-{version}"));

    /// <summary>helm of <paramref name="version"/> against the fixture's server, with its homes in this test's directory.</summary>
    protected Helm Helm(HelmVersion version) =>
        new(version, Server.Kubeconfig, TestDirectory.Combine($"helm-{version}"));

    protected PythonClient Python => new(Server.Kubeconfig);

    protected NodeClient Node => new(Server.Kubeconfig);
}
