using System.Globalization;
using System.Net;
using Kubelike.Compatibility.Tests.Harness;

namespace Kubelike.Compatibility.Tests.HarnessTests;

/// <summary>
/// The harness against one shared server: every client the compatibility tests use reaches it over HTTPS with
/// the admin kubeconfig (cluster CA + client certificate). Only the health endpoints are needed.
/// </summary>
[TestFixture]
public sealed class ClientHarnessTests : ServerFixture
{
    [Test]
    public async Task ReadyzIsOkOverHttpsWithTheAdminClientCertificate()
    {
        using var response = await Server.HttpClient.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Server.BaseUrl.Scheme, Is.EqualTo("https"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task AClientThatDoesNotTrustTheClusterCaIsRefusedByItsOwnTlsCheck()
    {
        // The harness's client is only as good as its CA check: a default client must not get through.
        using var untrusting = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var exception = Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri("/readyz", UriKind.Relative)));

        Assert.That(exception!.InnerException, Is.TypeOf<System.Security.Authentication.AuthenticationException>());
    }

    [Test]
    public void TheKubeconfigPointsAtTheServerWithTheAdminCredentials()
    {
        var kubeconfig = File.ReadAllText(Server.Kubeconfig);

        Assert.Multiple(() =>
        {
            Assert.That(kubeconfig, Does.Contain($"server: https://127.0.0.1:{Server.Port.ToString(CultureInfo.InvariantCulture)}"));
            Assert.That(kubeconfig, Does.Contain("certificate-authority-data: "));
            Assert.That(kubeconfig, Does.Contain("client-certificate-data: "));
            Assert.That(kubeconfig, Does.Contain("client-key-data: "));
        });
    }

    [Test]
    public void ThePostgresClusterStaysInTheTemporaryDataDirectory()
    {
        // In a 0700 temporary directory a root server would move it to /var/lib/kubelike (and leave it there).
        var postgres = new DirectoryInfo(Server.PostgresDirectory);

        Assert.That(postgres.Exists, Is.True);
        Assert.That(postgres.LinkTarget, Is.Null, "not relocated behind a symlink");
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task KubectlGetRawReadyzSucceeds(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("get", "--raw", "/readyz");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task KubectlFailsOnAPathTheServerDoesNotServe(KubectlVersion version)
    {
        // The runner reports failures instead of hiding them: exit code and stderr come back.
        var result = await Kubectl(version).RunAsync("get", "--raw", "/no-such-path-for-the-harness-test");

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString);
        Assert.That(result.Stderr, Is.Not.Empty, result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task KubectlReadsStdin(KubectlVersion version)
    {
        // A client-side dry run builds the Secret locally: stdin plumbing without needing the API.
        var result = await Kubectl(version).RunAsync(
            ["create", "secret", "generic", "s", "--from-file=key=/dev/stdin", "--dry-run=client", "-o", "jsonpath={.data.key}"], stdin: "hello");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout, Is.EqualTo(Convert.ToBase64String("hello"u8)), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task KubectlWatchStopsWhenTheConditionHolds(KubectlVersion version)
    {
        // kubectl proxy prints one line and then serves until killed: a stream that never ends by itself.
        var result = await Kubectl(version).WatchAsync(
            ["proxy", "--port=0", "--address=127.0.0.1"],
            lines => lines.Any(line => line.StartsWith("Starting to serve on 127.0.0.1:", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(result.Matched, Is.True, result.ToString);
            Assert.That(result.ExitCode, Is.Null, "killed, not ended on its own");
        });
    }

    [Test]
    public async Task KubectlWatchGivesUpAtTheDeadline()
    {
        var timeout = TimeSpan.FromSeconds(3);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await Kubectl(KubectlVersion.V1_35).WatchAsync(["proxy", "--port=0", "--address=127.0.0.1"], _ => false, timeout);

        Assert.Multiple(() =>
        {
            Assert.That(result.Matched, Is.False, result.ToString);
            Assert.That(result.ExitCode, Is.Null, result.ToString);
            Assert.That(result.Lines, Has.Some.StartsWith("Starting to serve on"), result.ToString);
            Assert.That(started.Elapsed, Is.GreaterThanOrEqualTo(timeout).And.LessThan(timeout + TimeSpan.FromSeconds(20)));
        });
    }

    [Test]
    public async Task KubectlWatchReportsAProcessThatEndsFirst()
    {
        var result = await Kubectl(KubectlVersion.V1_35).WatchAsync(["get", "--raw", "/readyz"], lines => lines.Contains("never"), TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(result.Matched, Is.False, result.ToString);
            Assert.That(result.ExitCode, Is.Zero, result.ToString);
            Assert.That(result.Lines, Is.EqualTo(new[] { "ok" }), result.ToString);
        });
    }

    [Test]
    public async Task ThePythonClientMakesAnAuthenticatedRawCall()
    {
        var result = await Python.RunAsync($$"""
            conf = api_client.configuration
            assert conf.host.rstrip('/') == '{{Server.BaseUrl.ToString().TrimEnd('/')}}', conf.host
            assert conf.cert_file and conf.key_file, 'the client certificate from the kubeconfig'
            assert conf.verify_ssl and conf.ssl_ca_cert, 'the server is verified against the cluster CA'
            response = api_client.call_api('/readyz', 'GET', _preload_content=False, _return_http_data_only=True)
            print(response.status, response.data.decode())
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("200 ok"), result.ToString);
    }

    [Test]
    public async Task TheNodeClientLoadsAndMakesAnAuthenticatedRawCall()
    {
        var result = await Node.RunAsync($$"""
            const cluster = kc.getCurrentCluster();
            const user = kc.getCurrentUser();
            if (cluster.server.replace(/\/$/, '') !== '{{Server.BaseUrl.ToString().TrimEnd('/')}}') throw new Error('server ' + cluster.server);
            if (!user.certData || !user.keyData) throw new Error('no client certificate in the kubeconfig');
            if (cluster.skipTLSVerify) throw new Error('TLS verification is off');
            // What the client does for its own requests: https agent options from the kubeconfig, then node-fetch.
            const init = await kc.applyToFetchOptions({});
            const fetch = require('node-fetch');
            const response = await fetch(new URL('/readyz', cluster.server).toString(), init);
            console.log(response.status, await response.text());
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("200 ok"), result.ToString);
    }

    [Test]
    public async Task AFailingScriptFailsTheRun()
    {
        var python = await Python.RunAsync("raise SystemExit('python failed on purpose')");
        var node = await Node.RunAsync("throw new Error('node failed on purpose');");

        Assert.Multiple(() =>
        {
            Assert.That(python.ExitCode, Is.Not.Zero, python.ToString);
            Assert.That(python.Stderr, Does.Contain("python failed on purpose"), python.ToString);
            Assert.That(node.ExitCode, Is.Not.Zero, node.ToString);
            Assert.That(node.Stderr, Does.Contain("node failed on purpose"), node.ToString);
        });
    }
}
