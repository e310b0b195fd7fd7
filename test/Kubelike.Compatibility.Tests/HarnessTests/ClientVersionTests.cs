using System.Text.Json;
using Kubelike.Compatibility.Tests.Harness;

namespace Kubelike.Compatibility.Tests.HarnessTests;

/// <summary>The tools in .tools/ are the versions the compatibility tests claim to cover. No server needed.</summary>
[TestFixture]
public sealed class ClientVersionTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("kl-client");

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [TestCase(KubectlVersion.V1_32, "v1.32.")]
    [TestCase(KubectlVersion.V1_35, "v1.35.")]
    public async Task KubectlIsTheExpectedVersion(KubectlVersion version, string prefix)
    {
        // --client never reads the kubeconfig, so it need not exist.
        var kubectl = new Kubectl(version, _directory.Combine("no-kubeconfig"), _directory.Combine("cache"));

        var result = await kubectl.RunAsync("version", "--client", "-o", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("clientVersion").GetProperty("gitVersion").GetString(), Does.StartWith(prefix), result.ToString);
    }

    [TestCase(HelmVersion.V3, "v3.17.")]
    [TestCase(HelmVersion.V4, "v4.")]
    public async Task HelmIsTheExpectedVersion(HelmVersion version, string prefix)
    {
        var helm = new Helm(version, _directory.Combine("no-kubeconfig"), _directory.Combine("helm"));

        var result = await helm.RunAsync("version", "--template", "{{.Version}}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Does.StartWith(prefix), result.ToString);
    }
}
