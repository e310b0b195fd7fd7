using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// <c>helm install</c> with its default OpenAPI validation (no <c>--disable-openapi-validation</c>): Helm builds the
/// rendered manifests through kubectl's validator, which needs the server's OpenAPI v3 documents. The chart is one
/// ConfigMap. Helm 3 creates and patches (strategic merge); Helm 4 applies server-side and sends its delete options
/// as protobuf. Both go through a release's whole life: install, upgrade, rollback, uninstall.
/// </summary>
[TestFixture]
public sealed class HelmInstallTests : ServerFixture
{
    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task InstallOfAChartValidatesAgainstTheServersSchema(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("helm"));
        var chart = WriteChart();
        var installed = await Helm(version).RunAsync("install", "tiny", chart, "-n", ns, "--set", "greeting=hi");

        Assert.That(installed.ExitCode, Is.Zero, installed.ToString);
        Assert.That(installed.Stdout, Does.Contain("STATUS: deployed"), installed.ToString);
        var configMap = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/tiny-settings");
        var release = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/secrets/sh.helm.release.v1.tiny.v1");
        Assert.Multiple(() =>
        {
            Assert.That((string?)configMap?["data"]?["greeting"], Is.EqualTo("hi"), "the chart's ConfigMap with the value set");
            Assert.That((string?)configMap?["metadata"]?["labels"]?["app.kubernetes.io/managed-by"], Is.EqualTo("Helm"));
            Assert.That((string?)release?["type"], Is.EqualTo("helm.sh/release.v1"), "Helm's release record");
        });
    }

    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task UpgradeRollbackAndUninstallChangeAndRemoveTheObjects(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("helm"));
        var chart = WriteChart();
        var helm = Helm(version);
        var path = $"/api/v1/namespaces/{ns}/configmaps/tiny-settings";
        async Task<string?> Greeting() => (string?)(await Server.HttpClient.GetObjectOrNullAsync(path))?["data"]?["greeting"];

        var installed = await helm.RunAsync("install", "tiny", chart, "-n", ns, "--set", "greeting=one");
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString);
        var upgraded = await helm.RunAsync("upgrade", "tiny", chart, "-n", ns, "--set", "greeting=two");
        Assert.That(upgraded.ExitCode, Is.Zero, upgraded.ToString);
        Assert.That(await Greeting(), Is.EqualTo("two"));

        var rolledBack = await helm.RunAsync("rollback", "tiny", "1", "-n", ns);
        Assert.That(rolledBack.ExitCode, Is.Zero, rolledBack.ToString);
        Assert.That(await Greeting(), Is.EqualTo("one"), "rollback restores revision 1's values");

        var uninstalled = await helm.RunAsync("uninstall", "tiny", "-n", ns);
        Assert.That(uninstalled.ExitCode, Is.Zero, uninstalled.ToString);
        var releases = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/secrets?labelSelector=owner%3Dhelm");
        var configMap = await Server.HttpClient.GetObjectOrNullAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(configMap, Is.Null, "the chart's ConfigMap is gone");
            Assert.That(releases.Json?["items"]?.AsArray(), Is.Empty, "the release records are gone: " + releases);
        });
    }

    private string WriteChart()
    {
        var chart = TestDirectory.Combine("tiny");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), """
            apiVersion: v2
            name: tiny
            version: 0.1.0
            """);
        File.WriteAllText(Path.Combine(chart, "templates", "configmap.yaml"), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-settings
              labels:
                app.kubernetes.io/managed-by: {{ .Release.Service }}
            data:
              greeting: {{ .Values.greeting | default "hello" | quote }}
            """);
        return chart;
    }
}
