using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>
/// kubectl's object commands against one server: create/replace from files, get in every output format, selectors,
/// paging, label/annotate, delete (plain, cascading, by label) and describe. Each test works in a namespace of its own.
/// Commands that validate run with <c>--validate=false</c>, kubectl's path without the server's schema;
/// <see cref="KubectlOpenApiTests"/> runs them with kubectl's default validation.
/// </summary>
[TestFixture]
public sealed partial class KubectlObjectTests : ServerFixture
{
    /// <summary>Cascading deletes complete only once the garbage collector has done its part.</summary>
    protected override bool WithControllers => true;

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task CreateFromAYamlFileCreatesEveryKind(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        var file = WriteFile("shop.yaml", Manifests.FourKindsYaml);

        var created = await OkAsync(kubectl.RunAsync("create", "-n", ns, "-f", file, "--validate=false"));

        Assert.That(Lines(created.Stdout), Is.EqualTo(new[]
        {
            "configmap/settings created",
            "secret/credentials created",
            "service/frontend created",
            "deployment.apps/web created",
        }), created.ToString);
        var listed = await OkAsync(kubectl.RunAsync("get", "configmaps,secrets,services,deployments", "-n", ns, "-o", "name"));
        Assert.That(Lines(listed.Stdout), Is.EquivalentTo(new[] { "configmap/settings", "secret/credentials", "service/frontend", "deployment.apps/web" }), listed.ToString);
        var password = await OkAsync(kubectl.RunAsync("get", "secret", "credentials", "-n", ns, "-o", "jsonpath={.data.password}"));
        var replicas = await OkAsync(kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}"));
        var port = await OkAsync(kubectl.RunAsync("get", "svc", "frontend", "-n", ns, "-o", "jsonpath={.spec.ports[0].port}"));
        Assert.Multiple(() =>
        {
            Assert.That(password.Stdout, Is.EqualTo("aHVudGVyMg=="), password.ToString);
            Assert.That(replicas.Stdout, Is.EqualTo("2"), replicas.ToString);
            Assert.That(port.Stdout, Is.EqualTo("80"), port.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ReplaceFromAJsonFileUpdatesTheObjects(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await OkAsync(kubectl.RunAsync("create", "-n", ns, "--validate=false", "-f", WriteFile("cm.json", Manifests.ConfigMapJson("settings", "one"))));
        await OkAsync(kubectl.RunAsync("create", "-n", ns, "--validate=false", "-f", WriteFile("deploy.json", Manifests.DeploymentJson("web", 1))));

        var configMap = await OkAsync(kubectl.RunAsync("replace", "-n", ns, "--validate=false", "-f", WriteFile("cm2.json", Manifests.ConfigMapJson("settings", "two"))));
        var deployment = await OkAsync(kubectl.RunAsync("replace", "-n", ns, "--validate=false", "-f", WriteFile("deploy2.json", Manifests.DeploymentJson("web", 3))));

        Assert.That(configMap.Stdout.Trim(), Is.EqualTo("configmap/settings replaced"), configMap.ToString);
        Assert.That(deployment.Stdout.Trim(), Is.EqualTo("deployment.apps/web replaced"), deployment.ToString);
        var value = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "jsonpath={.data.key}"));
        var spec = await OkAsync(kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.generation}"));
        Assert.Multiple(() =>
        {
            Assert.That(value.Stdout, Is.EqualTo("two"), value.ToString);
            Assert.That(spec.Stdout, Is.EqualTo("3 2"), "replicas 3, and the spec change made generation 2: " + spec);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ReplaceWithAStaleResourceVersionIsAConflict(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings", data: new Dictionary<string, string> { ["key"] = "one" });
        var read = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "json"));
        var stale = JsonNode.Parse(read.Stdout)!;
        stale["data"]!["key"] = "mine";
        // Someone else changes it in between (a conditional update of what was read).
        var other = JsonNode.Parse(read.Stdout)!;
        other["data"]!["key"] = "theirs";
        var changed = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/settings", other.ToJsonString());
        Assert.That(changed.Code, Is.EqualTo(200), changed.ToString);

        var replaced = await kubectl.RunAsync("replace", "-n", ns, "--validate=false", "-f", WriteFile("stale.json", stale.ToJsonString()));

        Assert.That(replaced.ExitCode, Is.Not.Zero, replaced.ToString);
        Assert.That(replaced.Stderr, Does.Contain("Error from server (Conflict)").And.Contain("the object has been modified"), replaced.ToString);
        var value = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "jsonpath={.data.key}"));
        Assert.That(value.Stdout, Is.EqualTo("theirs"), value.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task GetPrintsEveryOutputFormat(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings", new Dictionary<string, string> { ["app"] = "shop" }, new Dictionary<string, string> { ["color"] = "blue" });

        var json = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "json"));
        var yaml = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "yaml"));
        var name = await OkAsync(kubectl.RunAsync("get", "cm", "-n", ns, "-o", "name"));
        var wide = await OkAsync(kubectl.RunAsync("get", "cm", "-n", ns, "-o", "wide"));
        var jsonPath = await OkAsync(kubectl.RunAsync("get", "cm", "settings", "-n", ns, "-o", "jsonpath={.metadata.labels.app}/{.data.color}"));
        var columns = await OkAsync(kubectl.RunAsync("get", "cm", "-n", ns, "-o", "custom-columns=NAME:.metadata.name,COLOR:.data.color,NS:.metadata.namespace"));

        var parsed = JsonNode.Parse(json.Stdout)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)parsed["kind"], Is.EqualTo("ConfigMap"), json.ToString);
            Assert.That((string?)parsed["apiVersion"], Is.EqualTo("v1"), json.ToString);
            Assert.That((string?)parsed["metadata"]?["namespace"], Is.EqualTo(ns), json.ToString);
            Assert.That((string?)parsed["metadata"]?["uid"], Is.Not.Empty, json.ToString);
            Assert.That((string?)parsed["data"]?["color"], Is.EqualTo("blue"), json.ToString);
            Assert.That(yaml.Stdout.Split('\n'), Is.SupersetOf(new[] { "kind: ConfigMap", "apiVersion: v1", "  name: settings", $"  namespace: {ns}", "  color: blue" }), yaml.ToString);
            Assert.That(Lines(name.Stdout), Is.EqualTo(new[] { "configmap/settings" }), name.ToString);
            Assert.That(Cells(wide.Stdout), Has.Count.EqualTo(2), wide.ToString);
            Assert.That(Cells(wide.Stdout)[0], Is.EqualTo(new[] { "NAME", "AGE" }).Or.EqualTo(new[] { "NAME", "DATA", "AGE" }), wide.ToString);
            Assert.That(Cells(wide.Stdout)[1][0], Is.EqualTo("settings"), wide.ToString);
            Assert.That(jsonPath.Stdout, Is.EqualTo("shop/blue"), jsonPath.ToString);
            Assert.That(Cells(columns.Stdout), Is.EqualTo(new[] { new[] { "NAME", "COLOR", "NS" }, new[] { "settings", "blue", ns } }), columns.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task GetAllNamespacesShowsObjectsOfEveryNamespace(KubectlVersion version)
    {
        var first = await NewNamespaceAsync();
        var second = await NewNamespaceAsync();
        var mark = UniqueNames.Of("mark");
        var labels = new Dictionary<string, string> { ["mark"] = mark };
        await Server.HttpClient.CreateConfigMapAsync(first, "one", labels);
        await Server.HttpClient.CreateConfigMapAsync(second, "two", labels);
        await Server.HttpClient.CreateConfigMapAsync(second, "unmarked");

        var result = await OkAsync(Kubectl(version).RunAsync("get", "configmaps", "-A", "-l", $"mark={mark}"));

        var rows = Cells(result.Stdout);
        Assert.That(rows, Has.Count.EqualTo(3), result.ToString);
        Assert.That(rows[0].Take(2), Is.EqualTo(new[] { "NAMESPACE", "NAME" }), result.ToString);
        Assert.That(rows.Skip(1).Select(row => (row[0], row[1])), Is.EquivalentTo(new[] { (first, "one"), (second, "two") }), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task LabelAndFieldSelectorsFilterTheList(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "front", new Dictionary<string, string> { ["tier"] = "front" });
        await Server.HttpClient.CreateConfigMapAsync(ns, "back", new Dictionary<string, string> { ["tier"] = "back" });
        await Server.HttpClient.CreateConfigMapAsync(ns, "plain");

        async Task<IReadOnlyList<string>> NamesAsync(params string[] selector)
        {
            var result = await OkAsync(kubectl.RunAsync(["get", "cm", "-n", ns, "-o", "name", .. selector], stdin: null));
            return Lines(result.Stdout);
        }

        var equal = await NamesAsync("-l", "tier=front");
        var exists = await NamesAsync("-l", "tier");
        var notExists = await NamesAsync("-l", "!tier");
        var setBased = await NamesAsync("-l", "tier in (back,side)");
        var notEqual = await NamesAsync("-l", "tier!=front");
        var byName = await NamesAsync("--field-selector", "metadata.name=back");
        var notByName = await NamesAsync("--field-selector", "metadata.name!=back");
        var both = await NamesAsync("-l", "tier", "--field-selector", $"metadata.namespace={ns},metadata.name!=front");

        Assert.Multiple(() =>
        {
            Assert.That(equal, Is.EqualTo(new[] { "configmap/front" }));
            Assert.That(exists, Is.EquivalentTo(new[] { "configmap/front", "configmap/back" }));
            Assert.That(notExists, Is.EqualTo(new[] { "configmap/plain" }));
            Assert.That(setBased, Is.EqualTo(new[] { "configmap/back" }));
            Assert.That(notEqual, Is.EquivalentTo(new[] { "configmap/back", "configmap/plain" }));
            Assert.That(byName, Is.EqualTo(new[] { "configmap/back" }));
            Assert.That(notByName, Is.EquivalentTo(new[] { "configmap/front", "configmap/plain" }));
            Assert.That(both, Is.EqualTo(new[] { "configmap/back" }));
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ChunkSizeTwoReturnsAllFiveObjectsOverThreePages(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var expected = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            await Server.HttpClient.CreateConfigMapAsync(ns, $"item-{i}");
            expected.Add($"configmap/item-{i}");
        }

        var result = await OkAsync(Kubectl(version).RunAsync("get", "cm", "-n", ns, "--chunk-size=2", "-o", "name", "-v=6"));

        Assert.That(Lines(result.Stdout), Is.EquivalentTo(expected), result.ToString);
        var requests = Lines(result.Stderr).Where(line => line.Contains($"/namespaces/{ns}/configmaps?", StringComparison.Ordinal)).ToList();
        Assert.That(requests, Has.Count.EqualTo(3), result.ToString);
        Assert.That(requests, Has.All.Contain("limit=2").And.All.Contain("200 OK"), result.ToString);
        Assert.That(requests.Skip(1), Has.All.Contain("continue="), result.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task DeleteRemovesTheObject(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "doomed");
        await Server.HttpClient.CreateConfigMapAsync(ns, "kept");

        var result = await OkAsync(Kubectl(version).RunAsync("delete", "cm", "doomed", "-n", ns));

        Assert.That(result.Stdout.Trim(), Is.EqualTo(Deleted("configmap \"doomed\"", ns, version)), result.ToString);
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/doomed"), Is.Null);
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/kept"), Is.Not.Null);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task DeleteOfAMissingObjectFailsWithNotFound(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();

        var result = await Kubectl(version).RunAsync("delete", "cm", "ghost", "-n", ns);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString);
        Assert.That(result.Stderr, Does.Contain("Error from server (NotFound): configmaps \"ghost\" not found"), result.ToString);
    }

    // Orphan and foreground deletion mark the object with their finalizer; the garbage collector carries it out
    // and removes the finalizer, and kubectl waits until the object is gone.
    [TestCase(KubectlVersion.V1_32, "orphan")]
    [TestCase(KubectlVersion.V1_35, "orphan")]
    [TestCase(KubectlVersion.V1_32, "foreground")]
    [TestCase(KubectlVersion.V1_35, "foreground")]
    public async Task CascadingDeleteCompletesOnceTheGarbageCollectorHasRemovedTheFinalizer(KubectlVersion version, string cascade)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await OkAsync(kubectl.RunAsync("create", "-n", ns, "--validate=false", "-f", WriteFile("deploy.json", Manifests.DeploymentJson("web", 1))));

        var result = await OkAsync(kubectl.RunAsync("delete", "deployment", "web", "-n", ns, $"--cascade={cascade}", "--timeout=60s"));

        Assert.That(result.Stdout.Trim(), Is.EqualTo(Deleted("deployment.apps \"web\"", ns, version)), result.ToString);
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web"), Is.Null, "gone once kubectl returns");
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task DeleteByLabelRemovesOnlyTheMatchingObjects(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        var doomed = new Dictionary<string, string> { ["fate"] = "doomed" };
        await Server.HttpClient.CreateConfigMapAsync(ns, "a", doomed);
        await Server.HttpClient.CreateConfigMapAsync(ns, "b", doomed);
        await Server.HttpClient.CreateConfigMapAsync(ns, "c", new Dictionary<string, string> { ["fate"] = "kept" });

        var result = await OkAsync(kubectl.RunAsync("delete", "cm", "-n", ns, "-l", "fate=doomed"));

        Assert.That(Lines(result.Stdout), Is.EquivalentTo(new[] { Deleted("configmap \"a\"", ns, version), Deleted("configmap \"b\"", ns, version) }), result.ToString);
        var left = await OkAsync(kubectl.RunAsync("get", "cm", "-n", ns, "-o", "name"));
        Assert.That(Lines(left.Stdout), Is.EqualTo(new[] { "configmap/c" }), left.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task DescribeShowsNameNamespaceAndLabels(KubectlVersion version)
    {
        var ns = await NewNamespaceAsync();
        var kubectl = Kubectl(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings", new Dictionary<string, string> { ["tier"] = "front" }, new Dictionary<string, string> { ["color"] = "blue" });
        await OkAsync(kubectl.RunAsync("create", "-n", ns, "--validate=false", "-f", WriteFile("deploy.json", Manifests.DeploymentJson("web", 2))));

        var configMap = await OkAsync(kubectl.RunAsync("describe", "configmap", "settings", "-n", ns));
        var deployment = await OkAsync(kubectl.RunAsync("describe", "deployment", "web", "-n", ns));

        Assert.Multiple(() =>
        {
            Assert.That(configMap.Stdout, Does.Match(@"(?m)^Name:\s+settings$"), configMap.ToString);
            Assert.That(configMap.Stdout, Does.Match($@"(?m)^Namespace:\s+{ns}$"), configMap.ToString);
            Assert.That(configMap.Stdout, Does.Match(@"(?m)^Labels:\s+tier=front$"), configMap.ToString);
            Assert.That(configMap.Stdout, Does.Match(@"(?m)^color:$"), configMap.ToString);
            Assert.That(deployment.Stdout, Does.Match(@"(?m)^Name:\s+web$"), deployment.ToString);
            Assert.That(deployment.Stdout, Does.Match($@"(?m)^Namespace:\s+{ns}$"), deployment.ToString);
            Assert.That(deployment.Stdout, Does.Match(@"(?m)^Labels:\s+app=web$"), deployment.ToString);
            Assert.That(deployment.Stdout, Does.Match(@"(?m)^Replicas:\s+2 desired"), deployment.ToString);
        });
    }

    private async Task<string> NewNamespaceAsync() => await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("kubectl"));

    private string WriteFile(string name, string content)
    {
        var path = TestDirectory.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<ToolResult> OkAsync(Task<ToolResult> run)
    {
        var result = await run;
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }

    /// <summary>What kubectl prints for a deleted object; 1.35 adds the namespace.</summary>
    private static string Deleted(string what, string ns, KubectlVersion version) =>
        version == KubectlVersion.V1_32 ? $"{what} deleted" : $"{what} deleted from {ns} namespace";

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<string[]> Cells(string output) => [.. Lines(output).Select(line => Whitespace().Split(line))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
