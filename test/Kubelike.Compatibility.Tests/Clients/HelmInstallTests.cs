using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// <c>helm install</c> with its default OpenAPI validation (no <c>--disable-openapi-validation</c>): Helm builds the
/// rendered manifests through kubectl's validator, which needs the server's OpenAPI v3 documents. The chart is one
/// ConfigMap, so the install creates objects and never patches. Helm 4 installs with server-side apply unless told
/// otherwise; here it is told (<c>--server-side=false</c>), since apply is not served yet.
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
        string[] install = ["install", "tiny", chart, "-n", ns, "--set", "greeting=hi"];
        if (version == HelmVersion.V4)
            install = [.. install, "--server-side=false"];

        var installed = await Helm(version).RunAsync(install);

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
