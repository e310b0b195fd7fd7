using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// A whole release of the demo chart in <c>charts/demo-app</c> with Helm 3 and Helm 4, with their default OpenAPI
/// validation (no <c>--disable-openapi-validation</c>): install, list, status, upgrade with changed values, history,
/// rollback and uninstall. Helm 3 creates and upgrades with 3-way strategic merge patches; Helm 4 applies
/// server-side and sends its delete options as protobuf. Both keep their release records as Secrets.
/// </summary>
[TestFixture]
public sealed class HelmReleaseLifecycleTests : ServerFixture
{
    private const string Release = "shop";

    private static readonly string[] Upgrade =
    [
        "--set", "replicaCount=3", "--set", "image.tag=1.28", "--set", "greeting=hi", "--set", "password=s3cret",
        "--set", "ingress.host=shop.example.test", "--set", "service.port=8081",
    ];

    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task Install_list_status_upgrade_history_rollback_and_uninstall(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("helm"));
        var helm = Helm(version);
        var paths = DemoChart.ObjectPaths(ns, Release);

        var installed = await OkAsync(helm.RunAsync("install", Release, DemoChart.Directory, "-n", ns));
        var first = await ReadObjectsAsync(paths);
        Assert.Multiple(() =>
        {
            Assert.That(installed.Stdout, Does.Contain("STATUS: deployed"), installed.ToString);
            Assert.That(installed.Stdout, Does.Contain("the Ingress routes http://demo.example.test/"), "the chart's NOTES: " + installed);
            Assert.That(first.Where(o => o.Value is null).Select(o => o.Key), Is.Empty, "every object of the chart exists");
            AssertValues(first, replicas: 1, image: "nginx:1.27", greeting: "hello", password: "change-me", host: "demo.example.test", port: 80);
            Assert.That(first.Values.Select(o => (string?)o!["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]), Has.All.EqualTo("Helm"));
            Assert.That(first.Values.Select(o => (string?)o!["metadata"]!["annotations"]?["meta.helm.sh/release-name"]), Has.All.EqualTo(Release));
        });
        await AssertReleaseRecordsAsync(ns, 1);

        var list = JsonNode.Parse((await OkAsync(helm.RunAsync("list", "-n", ns, "-o", "json"))).Stdout)!.AsArray();
        Assert.That(list.Select(r => $"{r!["name"]} {r["revision"]} {r["status"]} {r["chart"]} {r["app_version"]}"),
            Is.EqualTo(new[] { $"{Release} 1 deployed {DemoChart.Name}-{DemoChart.Version} 1.27" }));
        var status = await OkAsync(helm.RunAsync("status", Release, "-n", ns));
        Assert.That(status.Stdout, Does.Contain($"NAME: {Release}").And.Contain($"NAMESPACE: {ns}").And.Contain("STATUS: deployed").And.Contain("REVISION: 1"), status.ToString);

        var upgraded = await OkAsync(helm.RunAsync(["upgrade", Release, DemoChart.Directory, "-n", ns, .. Upgrade], stdin: null));
        var second = await ReadObjectsAsync(paths);
        Assert.Multiple(() =>
        {
            Assert.That(upgraded.Stdout, Does.Contain("STATUS: deployed").And.Contain("REVISION: 2"), upgraded.ToString);
            AssertValues(second, replicas: 3, image: "nginx:1.28", greeting: "hi", password: "s3cret", host: "shop.example.test", port: 8081);
            Assert.That((long?)second["Deployment"]!["metadata"]!["generation"], Is.EqualTo(2), "one write of the Deployment's spec");
            Assert.That((string?)second["ConfigMap"]!["metadata"]!["uid"], Is.EqualTo((string?)first["ConfigMap"]!["metadata"]!["uid"]), "upgraded in place, not recreated");
            Assert.That(Annotation(second, "checksum/settings"), Is.Not.EqualTo(Annotation(first, "checksum/settings")), "the pod template follows the ConfigMap");
            if (version == HelmVersion.V4)
            {
                Assert.That(second.Values.Select(o => Managers(o!)), Has.All.Contain("helm/Apply"), "helm 4 applies server-side");
            }
            else
            {
                Assert.That(Managers(second["Deployment"]!), Does.Contain("helm/Update"), "helm 3 patches, recorded as an Update");
            }
        });
        await AssertReleaseRecordsAsync(ns, 2);

        var history = await HistoryAsync(helm, ns);
        Assert.That(history, Is.EqualTo(new[] { "1 superseded Install complete", "2 deployed Upgrade complete" }));

        var rolledBack = await OkAsync(helm.RunAsync("rollback", Release, "1", "-n", ns));
        var third = await ReadObjectsAsync(paths);
        Assert.Multiple(() =>
        {
            Assert.That(rolledBack.Stdout, Does.Contain("Rollback was a success"), rolledBack.ToString);
            AssertValues(third, replicas: 1, image: "nginx:1.27", greeting: "hello", password: "change-me", host: "demo.example.test", port: 80);
            Assert.That(Annotation(third, "checksum/settings"), Is.EqualTo(Annotation(first, "checksum/settings")));
        });
        history = await HistoryAsync(helm, ns);
        Assert.That(history, Is.EqualTo(new[] { "1 superseded Install complete", "2 superseded Upgrade complete", "3 deployed Rollback to 1" }));

        var uninstalled = await OkAsync(helm.RunAsync("uninstall", Release, "-n", ns));
        Assert.That(uninstalled.Stdout, Does.Contain($"release \"{Release}\" uninstalled"), uninstalled.ToString);
        var gone = await ReadObjectsAsync(paths);
        Assert.That(gone.Where(o => o.Value is not null).Select(o => o.Key), Is.Empty, "uninstall deletes every object of the chart");
        await AssertReleaseRecordsAsync(ns, 0);
        var empty = await OkAsync(helm.RunAsync("list", "-n", ns, "-q"));
        Assert.That(empty.Stdout.Trim(), Is.Empty, empty.ToString);
    }

    [TestCase(HelmVersion.V3, KubectlVersion.V1_32)]
    [TestCase(HelmVersion.V4, KubectlVersion.V1_35)]
    public async Task Template_piped_into_kubectl_apply_creates_then_updates_the_objects(HelmVersion helmVersion, KubectlVersion kubectlVersion)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("template"));
        var helm = Helm(helmVersion);
        var kubectl = Kubectl(kubectlVersion);
        var paths = DemoChart.ObjectPaths(ns, Release);

        var rendered = await OkAsync(helm.RunAsync("template", Release, DemoChart.Directory, "-n", ns));
        var created = await OkAsync(kubectl.RunAsync(["apply", "-n", ns, "-f", "-"], rendered.Stdout));
        var first = await ReadObjectsAsync(paths);
        Assert.Multiple(() =>
        {
            Assert.That(created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5).And.All.EndsWith(" created"), created.ToString);
            Assert.That(first.Where(o => o.Value is null).Select(o => o.Key), Is.Empty, "every object of the chart exists");
            AssertValues(first, replicas: 1, image: "nginx:1.27", greeting: "hello", password: "change-me", host: "demo.example.test", port: 80);
        });

        var unchanged = await OkAsync(kubectl.RunAsync(["apply", "-n", ns, "-f", "-"], rendered.Stdout));
        Assert.That(unchanged.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.EndsWith(" unchanged"), unchanged.ToString);

        var changed = await OkAsync(helm.RunAsync(["template", Release, DemoChart.Directory, "-n", ns, .. Upgrade], stdin: null));
        var configured = await OkAsync(kubectl.RunAsync(["apply", "-n", ns, "-f", "-"], changed.Stdout));
        var second = await ReadObjectsAsync(paths);
        Assert.Multiple(() =>
        {
            Assert.That(configured.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.EndsWith(" configured"), configured.ToString);
            AssertValues(second, replicas: 3, image: "nginx:1.28", greeting: "hi", password: "s3cret", host: "shop.example.test", port: 8081);
            Assert.That(Managers(second["Deployment"]!), Does.Contain("kubectl-client-side-apply/Update"));
        });
    }

    private static void AssertValues(IReadOnlyDictionary<string, JsonObject?> objects, int replicas, string image, string greeting, string password, string host, int port)
    {
        var deployment = objects["Deployment"]!;
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.That((int?)deployment["spec"]!["replicas"], Is.EqualTo(replicas), "Deployment replicas");
        Assert.That((string?)container["image"], Is.EqualTo(image), "Deployment image");
        Assert.That(container["env"]!.AsArray().Select(e => (string?)e!["name"]), Is.EqualTo(new[] { "GREETING", "PASSWORD" }));
        Assert.That((string?)objects["ConfigMap"]!["data"]!["greeting"], Is.EqualTo(greeting), "ConfigMap data");
        Assert.That((string?)objects["Secret"]!["data"]!["password"], Is.EqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes(password))), "Secret data");
        Assert.That((string?)objects["Secret"]!["type"], Is.EqualTo("Opaque"));
        Assert.That((int?)objects["Service"]!["spec"]!["ports"]![0]!["port"], Is.EqualTo(port), "Service port");
        Assert.That((string?)objects["Service"]!["spec"]!["ports"]![0]!["targetPort"], Is.EqualTo("http"));
        Assert.That((string?)objects["Ingress"]!["spec"]!["rules"]![0]!["host"], Is.EqualTo(host), "Ingress host");
        Assert.That((string?)objects["Ingress"]!["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"],
            Is.EqualTo((string?)objects["Service"]!["metadata"]!["name"]));
    }

    private async Task<IReadOnlyDictionary<string, JsonObject?>> ReadObjectsAsync(IReadOnlyDictionary<string, string> paths)
    {
        var objects = new Dictionary<string, JsonObject?>();
        foreach (var (kind, path) in paths)
            objects[kind] = await Server.HttpClient.GetObjectOrNullAsync(path);
        return objects;
    }

    /// <summary>Helm's release records: one Secret per revision, <c>sh.helm.release.v1.&lt;name&gt;.v&lt;n&gt;</c> of type <c>helm.sh/release.v1</c>.</summary>
    private async Task AssertReleaseRecordsAsync(string ns, int revisions)
    {
        var records = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/secrets?labelSelector=owner%3Dhelm%2Cname%3D{Release}");
        var items = records.Json?["items"]?.AsArray() ?? [];
        Assert.That(items.Select(s => $"{s!["metadata"]!["name"]} {s["type"]}"),
            Is.EquivalentTo(Enumerable.Range(1, revisions).Select(r => $"sh.helm.release.v1.{Release}.v{r} helm.sh/release.v1")), records.ToString);
    }

    private static async Task<IReadOnlyList<string>> HistoryAsync(Helm helm, string ns)
    {
        var history = await OkAsync(helm.RunAsync("history", Release, "-n", ns, "-o", "json"));
        return JsonNode.Parse(history.Stdout)!.AsArray().Select(r => $"{r!["revision"]} {r["status"]} {r["description"]}").ToList();
    }

    private static string? Annotation(IReadOnlyDictionary<string, JsonObject?> objects, string name) =>
        (string?)objects["Deployment"]!["spec"]!["template"]!["metadata"]!["annotations"]![name];

    private static IEnumerable<string> Managers(JsonObject obj) =>
        obj["metadata"]?["managedFields"] is JsonArray entries ? entries.Select(e => $"{e!["manager"]}/{e["operation"]}") : [];

    private static async Task<ToolResult> OkAsync(Task<ToolResult> run)
    {
        var result = await run;
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }
}
