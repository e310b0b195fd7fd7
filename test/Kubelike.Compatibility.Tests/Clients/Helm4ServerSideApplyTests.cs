using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// Helm 4 installs and upgrades with server-side apply by default: a chart of a ConfigMap and a Deployment is
/// installed and upgraded with changed values, and the objects end up owned by Helm's Apply entry.
/// </summary>
[TestFixture]
public sealed class Helm4ServerSideApplyTests : ServerFixture
{
    [Test]
    public async Task Install_and_upgrade_apply_the_chart()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("helm4"));
        var chart = WriteChart();
        var helm = Helm(HelmVersion.V4);

        var installed = await helm.RunAsync("install", "shop", chart, "-n", ns);
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString);
        var deployment = await Server.HttpClient.GetObjectOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/shop-web");
        Assert.That((int?)deployment?["spec"]?["replicas"], Is.EqualTo(1), deployment?.ToJsonString());
        Assert.That(Operations(deployment!), Does.Contain("helm/Apply"), "helm 4 wrote the Deployment with server-side apply");

        var upgraded = await helm.RunAsync("upgrade", "shop", chart, "-n", ns, "--set", "replicas=3", "--set", "greeting=hi");
        Assert.That(upgraded.ExitCode, Is.Zero, upgraded.ToString);
        var configMap = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/shop-settings");
        deployment = await Server.HttpClient.GetObjectOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/shop-web");
        Assert.Multiple(() =>
        {
            Assert.That((string?)configMap?["data"]?["greeting"], Is.EqualTo("hi"));
            Assert.That((int?)deployment?["spec"]?["replicas"], Is.EqualTo(3));
            Assert.That(Operations(configMap!), Does.Contain("helm/Apply"));
            Assert.That((long?)deployment?["metadata"]?["generation"], Is.EqualTo(2));
        });

        var history = await helm.RunAsync("history", "shop", "-n", ns);
        Assert.That(history.Stdout, Does.Contain("Upgrade complete"), history.ToString);
    }

    private static IEnumerable<string> Operations(JsonObject obj) =>
        obj["metadata"]?["managedFields"] is JsonArray entries ? entries.Select(e => $"{e!["manager"]}/{e["operation"]}") : [];

    private string WriteChart()
    {
        var chart = TestDirectory.Combine("shop");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), """
            apiVersion: v2
            name: shop
            version: 0.1.0
            """);
        File.WriteAllText(Path.Combine(chart, "values.yaml"), """
            replicas: 1
            greeting: hello
            """);
        File.WriteAllText(Path.Combine(chart, "templates", "configmap.yaml"), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-settings
            data:
              greeting: {{ .Values.greeting | quote }}
            """);
        File.WriteAllText(Path.Combine(chart, "templates", "deployment.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-web
            spec:
              replicas: {{ .Values.replicas }}
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: busybox:1.36
                    ports:
                    - containerPort: 8080
            """);
        return chart;
    }
}
