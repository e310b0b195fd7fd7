using Kubelike.Compatibility.Tests.Harness;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>kubectl's discovery-driven commands: version, api-resources, api-versions, and a first listing.</summary>
[TestFixture]
public sealed class KubectlDiscoveryTests : ServerFixture
{
    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task VersionReportsTheServerVersion(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("version");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout, Does.Contain("Server Version: v1.33.0+kubelike"), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task VersionAsJsonCarriesTheServerFields(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("version", "-o", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var server = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)?["serverVersion"];
        Assert.Multiple(() =>
        {
            Assert.That((string?)server?["gitVersion"], Is.EqualTo("v1.33.0+kubelike"), result.ToString);
            Assert.That((string?)server?["major"], Is.EqualTo("1"), result.ToString);
            Assert.That((string?)server?["minor"], Is.EqualTo("33"), result.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ApiResourcesListsBuiltInResourcesWithShortNames(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("api-resources", "--no-headers");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Some.EqualTo(new[] { "pods", "po", "v1", "true", "Pod" }), result.ToString);
            Assert.That(rows, Has.Some.EqualTo(new[] { "deployments", "deploy", "apps/v1", "true", "Deployment" }), result.ToString);
            Assert.That(rows, Has.Some.EqualTo(new[] { "namespaces", "ns", "v1", "false", "Namespace" }), result.ToString);
            Assert.That(rows, Has.Some.EqualTo(new[] { "configmaps", "cm", "v1", "true", "ConfigMap" }), result.ToString);
            // No short name: the row has one column less.
            Assert.That(rows, Has.Some.EqualTo(new[] { "secrets", "v1", "true", "Secret" }), result.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ApiResourcesFiltersByGroupAndVerbs(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("api-resources", "--api-group=apps", "--verbs=list", "-o", "name");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var names = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(names, Is.SupersetOf(new[] { "deployments.apps", "replicasets.apps", "statefulsets.apps", "daemonsets.apps" }), result.ToString);
        Assert.That(names, Has.All.EndsWith(".apps"), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ApiVersionsListsTheGroupVersions(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("api-versions");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var versions = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(versions, Is.SupersetOf(new[] { "v1", "apps/v1", "batch/v1", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1" }), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task GetNamespacesShowsTheSystemNamespaces(KubectlVersion version)
    {
        var result = await Kubectl(version).RunAsync("get", "ns");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("NAME"), result.ToString);
        var names = lines.Skip(1).Select(line => line.Split(' ', 2)[0]).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "default", "kube-system", "kube-public", "kube-node-lease" }), result.ToString);
    }
}
