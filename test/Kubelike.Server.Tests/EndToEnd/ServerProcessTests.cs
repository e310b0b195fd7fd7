using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kubelike.Server.Tests.TestSupport;
using Kubelike.Testing;

namespace Kubelike.Server.Tests.EndToEnd;

/// <summary>The built <c>kubelike server</c> executable with its embedded PostgreSQL, driven from outside.</summary>
[TestFixture]
public sealed class ServerProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private TempDirectory _directory = null!;
    private readonly List<KubelikeProcess> _processes = [];

    private string DataDirectory => _directory.Combine("data");

    private string ClusterDirectory => _directory.Combine("data", "postgres");

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("kl-e2e");

    [TearDown]
    public async Task TearDown()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
        Postmaster.StopIfRunning(ClusterDirectory);
        _directory.Dispose();
    }

    [Test]
    public async Task ServesReadyzRefusesASecondServerAndStopsPostgresOnCtrlC()
    {
        var port = NetworkPorts.FindFree();
        var server = StartServer(port);
        using var client = ClusterHttpClient.Create(Path.Combine(DataDirectory, "pki", "ca.crt"), new Uri($"https://127.0.0.1:{port}"));
        await WaitUntilReadyAsync(server, client);

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/readyz?verbose") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact })
        using (var response = await client.SendAsync(request))
        {
            Assert.That(response.Version, Is.EqualTo(HttpVersion.Version20), "HTTP/2 over TLS (ALPN)");
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("[+]storage ok"));
        }

        Assert.That(File.ReadAllText(Path.Combine(DataDirectory, "kubeconfig")), Does.Contain($"server: https://127.0.0.1:{port}"));
        using (var admin = ClusterHttpClient.Create(Path.Combine(DataDirectory, "pki", "ca.crt"), new Uri($"https://127.0.0.1:{port}"), AdminCertificate()))
        {
            Assert.That(await GetReadyzAsync(admin), Is.EqualTo("ok"), "a client certificate is accepted, not required");
        }

        var postmasterPid = Postmaster.ReadPid(ClusterDirectory);
        Assert.That(postmasterPid, Is.Not.Null, "the embedded PostgreSQL runs in <data-dir>/postgres");

        var second = StartServer(NetworkPorts.FindFree());
        var secondExit = await second.WaitForExitAsync(ExitTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(secondExit, Is.Not.Zero);
            Assert.That(second.Output, Does.Contain($"data directory {DataDirectory} is in use by another kubelike server (pid {server.Pid})"));
            Assert.That(second.Output, Does.Not.Contain("   at "), "one line, no stack trace");
        });
        Assert.That(await GetReadyzAsync(client), Is.EqualTo("ok"), "the refused server left the first one alone");

        await server.SignalAsync("INT");
        var exit = await server.WaitForExitAsync(ExitTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, server.Output);
            Assert.That(Postmaster.ReadPid(ClusterDirectory), Is.Null, "postmaster.pid is gone");
            Assert.That(Postmaster.IsProcessAlive(postmasterPid!.Value), Is.False, "the postmaster has exited");
            Assert.That(server.Output, Does.Contain("PostgreSQL stopped"));
        });
    }

    [Test]
    public async Task AfterACrashTheNextServerTakesOverTheLeftoverPostmaster()
    {
        var port = NetworkPorts.FindFree();
        var crashed = StartServer(port);
        using var client = ClusterHttpClient.Create(Path.Combine(DataDirectory, "pki", "ca.crt"), new Uri($"https://127.0.0.1:{port}"));
        await WaitUntilReadyAsync(crashed, client);
        var caThumbprint = File.ReadAllText(Path.Combine(DataDirectory, "pki", "ca.crt"));

        await crashed.CrashAsync();
        var orphan = Postmaster.ReadPid(ClusterDirectory);
        Assert.That(orphan is { } pid && Postmaster.IsProcessAlive(pid), Is.True, "the postmaster outlives a SIGKILLed server");

        var successor = StartServer(port);
        await WaitUntilReadyAsync(successor, client);

        Assert.Multiple(() =>
        {
            Assert.That(successor.Output, Does.Contain("still running"));
            Assert.That(Postmaster.ReadPid(ClusterDirectory), Is.Not.EqualTo(orphan));
            Assert.That(File.ReadAllText(Path.Combine(DataDirectory, "pki", "ca.crt")), Is.EqualTo(caThumbprint), "the CA is reused");
        });

        await successor.SignalAsync("INT");
        Assert.That(await successor.WaitForExitAsync(ExitTimeout), Is.Zero, successor.Output);
        Assert.That(Postmaster.IsRunning(ClusterDirectory), Is.False);
    }

    [Test]
    public async Task AnUnreachableDatastoreEndsTheProcessWithOneLineAndExitCode1()
    {
        var deadPort = NetworkPorts.FindFree();
        var server = StartServer(NetworkPorts.FindFree(), "--datastore-endpoint", $"postgres://postgres@127.0.0.1:{deadPort}/kubelike?connect_timeout=5");

        var exit = await server.WaitForExitAsync(ExitTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(server.Output.Split('\n').Count(line => line.Contains("failed to start", StringComparison.Ordinal)), Is.EqualTo(1), server.Output);
            Assert.That(server.Output, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(ClusterDirectory), Is.False, "no embedded PostgreSQL with an external datastore");
        });
    }

    [Test]
    public async Task ABadOptionIsRefusedBeforeAnythingStarts()
    {
        var server = KubelikeProcess.Start("server", "--data-dir", DataDirectory, "--datastore-endpoint", "mysql://db/x");
        _processes.Add(server);

        Assert.That(await server.WaitForExitAsync(ExitTimeout), Is.Not.Zero);
        Assert.That(server.Output, Does.Contain("invalid datastore endpoint"));
        Assert.That(Directory.Exists(DataDirectory), Is.False);
    }

    [Test]
    public async Task VersionPrintsTheVersion()
    {
        var process = KubelikeProcess.Start("--version");
        _processes.Add(process);

        Assert.That(await process.WaitForExitAsync(ExitTimeout), Is.Zero);
        Assert.That(process.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    /// <summary>The admin client certificate the server put in its kubeconfig's pki directory.</summary>
    private X509Certificate2 AdminCertificate() =>
        X509Certificate2.CreateFromPemFile(Path.Combine(DataDirectory, "pki", "admin.crt"), Path.Combine(DataDirectory, "pki", "admin.key"));

    private KubelikeProcess StartServer(int port, params string[] extra)
    {
        var process = KubelikeProcess.Start(["server", "--data-dir", DataDirectory, "--secure-port", port.ToString(CultureInfo.InvariantCulture), .. extra]);
        _processes.Add(process);
        return process;
    }

    private static async Task WaitUntilReadyAsync(KubelikeProcess server, HttpClient client)
    {
        var last = "no answer yet";
        await Poll.UntilAsync(
            async () =>
            {
                Assert.That(server.HasExited, Is.False, () => $"kubelike exited while starting:{Environment.NewLine}{server.Output}");
                last = await GetReadyzAsync(client);
                return last == "ok";
            },
            StartTimeout,
            "/readyz to answer ok",
            () => $"last answer: {last}{Environment.NewLine}{server.Output}");
    }

    /// <summary>The body of /readyz, or why there was none.</summary>
    private static async Task<string> GetReadyzAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException e)
        {
            return $"{e.Message} ({e.InnerException?.Message})";
        }
    }
}
