using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>
/// kubectl's commands that PATCH: client-side apply (3-way strategic merge patch), diff, patch of every type, set
/// image, label/annotate, edit, and server-side dry runs, with kubectl's default validation (fieldValidation=Strict
/// against the served OpenAPI).
/// </summary>
[TestFixture]
public sealed class KubectlPatchTests : ServerFixture
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static string DeploymentYaml(string name, int replicas, bool withTier, bool withSecondEnv) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          labels:
            app: {{name}}{{(withTier ? $"\n    tier: front" : "")}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              containers:
              - name: main
                image: busybox:1.36
                env:
                - name: FIRST
                  value: "1"{{(withSecondEnv ? "\n        - name: SECOND\n          value: \"2\"" : "")}}
        """;

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Apply_creates_then_a_reapply_changes_fields_and_removes_dropped_ones(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        var first = WriteFile("v1.yaml", DeploymentYaml("web", 2, withTier: true, withSecondEnv: true));
        var created = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", first));
        var before = await GetAsync(kubectl, ns, "deployment", "web");

        var second = WriteFile("v2.yaml", DeploymentYaml("web", 3, withTier: false, withSecondEnv: false));
        var configured = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", second));
        var after = await GetAsync(kubectl, ns, "deployment", "web");

        Assert.Multiple(() =>
        {
            Assert.That(created.Stdout.Trim(), Is.EqualTo("deployment.apps/web created"), created.ToString);
            Assert.That(configured.Stdout.Trim(), Is.EqualTo("deployment.apps/web configured"), configured.ToString);
            Assert.That((int?)after["spec"]!["replicas"], Is.EqualTo(3));
            Assert.That(after["metadata"]!["labels"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "app" }), "the label dropped from the file is gone");
            Assert.That(after["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string?)e!["name"]), Is.EqualTo(new[] { "FIRST" }));
            var lastApplied = JsonNode.Parse((string)after["metadata"]!["annotations"]![LastApplied]!)!;
            Assert.That((int?)lastApplied["spec"]!["replicas"], Is.EqualTo(3), "the last-applied annotation follows the file");
            Assert.That((string?)before["metadata"]!["annotations"]![LastApplied], Does.Contain("tier"));
            Assert.That((long?)after["metadata"]!["generation"], Is.EqualTo(2));
        });

        var again = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", second));
        var unchanged = await GetAsync(kubectl, ns, "deployment", "web");
        Assert.That(again.Stdout.Trim(), Is.EqualTo("deployment.apps/web unchanged"), again.ToString);
        Assert.That((string?)unchanged["metadata"]!["resourceVersion"], Is.EqualTo((string?)after["metadata"]!["resourceVersion"]));
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Diff_shows_what_apply_would_change_and_changes_nothing(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        var file = WriteFile("v1.yaml", DeploymentYaml("web", 2, withTier: false, withSecondEnv: false));
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", file));
        var stored = await GetAsync(kubectl, ns, "deployment", "web");

        var same = await kubectl.RunAsync("diff", "-n", ns, "-f", file);
        var changed = await kubectl.RunAsync("diff", "-n", ns, "-f", WriteFile("v2.yaml", DeploymentYaml("web", 5, withTier: false, withSecondEnv: true)));
        var created = await kubectl.RunAsync("diff", "-n", ns, "-f", WriteFile("new.yaml", DeploymentYaml("other", 1, withTier: false, withSecondEnv: false)));

        var now = await GetAsync(kubectl, ns, "deployment", "web");
        var other = await kubectl.RunAsync("get", "deployment", "other", "-n", ns);
        Assert.Multiple(() =>
        {
            Assert.That(same.ExitCode, Is.Zero, same.ToString);
            Assert.That(same.Stdout, Is.Empty, same.ToString);
            Assert.That(changed.ExitCode, Is.EqualTo(1), "diff exits 1 when there are differences: " + changed);
            Assert.That(changed.Stdout, Does.Contain("-  replicas: 2").And.Contain("+  replicas: 5").And.Contain("+        - name: SECOND"), changed.ToString);
            Assert.That(created.ExitCode, Is.EqualTo(1), created.ToString);
            Assert.That(created.Stdout, Does.Contain("+  name: other"), created.ToString);
            Assert.That((string?)now["metadata"]!["resourceVersion"], Is.EqualTo((string?)stored["metadata"]!["resourceVersion"]), "diff stores nothing");
            Assert.That(other.Stderr, Does.Contain("NotFound"), other.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Patch_of_each_type(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("d.yaml", DeploymentYaml("web", 2, withTier: false, withSecondEnv: false))));

        var json = await OkAsync(kubectl.RunAsync("patch", "deployment", "web", "-n", ns, "--type", "json",
            "-p", """[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":4},{"op":"add","path":"/metadata/labels/via","value":"json"}]"""));
        var merge = await OkAsync(kubectl.RunAsync("patch", "deployment", "web", "-n", ns, "--type", "merge", "-p", """{"metadata":{"labels":{"via":null,"merged":"yes"}}}"""));
        var strategic = await OkAsync(kubectl.RunAsync("patch", "deployment", "web", "-n", ns,
            "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:side"},{"name":"main","env":[{"name":"ADDED","value":"x"}]}]}}}}"""));
        var failedTest = await kubectl.RunAsync("patch", "deployment", "web", "-n", ns, "--type", "json",
            "-p", """[{"op":"test","path":"/spec/replicas","value":99},{"op":"replace","path":"/spec/replicas","value":1}]""");
        var missing = await kubectl.RunAsync("patch", "deployment", "nope", "-n", ns, "-p", """{"spec":{"replicas":1}}""");
        var after = await GetAsync(kubectl, ns, "deployment", "web");

        Assert.Multiple(() =>
        {
            foreach (var result in new[] { json, merge, strategic })
                Assert.That(result.Stdout.Trim(), Is.EqualTo("deployment.apps/web patched"), result.ToString);
            Assert.That((int?)after["spec"]!["replicas"], Is.EqualTo(4), "the failed test changed nothing");
            Assert.That(after["metadata"]!["labels"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "app", "merged" }));
            var containers = after["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
            Assert.That(containers.Select(c => (string?)c!["name"]), Is.EquivalentTo(new[] { "main", "side" }), "containers merge by name");
            var main = containers.Single(c => (string?)c!["name"] == "main")!;
            Assert.That(main["env"]!.AsArray().Select(e => (string?)e!["name"]), Is.EquivalentTo(new[] { "FIRST", "ADDED" }), "env merges by name");
            Assert.That(failedTest.ExitCode, Is.Not.Zero, failedTest.ToString);
            Assert.That(failedTest.Stderr, Does.Contain("The request is invalid: the server rejected our request due to an error in our request"), failedTest.ToString);
            Assert.That(missing.Stderr, Does.Contain("Error from server (NotFound): deployments.apps \"nope\" not found"), missing.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Set_image_label_and_annotate(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("d.yaml", DeploymentYaml("web", 1, withTier: true, withSecondEnv: false))));

        var image = await OkAsync(kubectl.RunAsync("set", "image", "deployment/web", "main=busybox:1.37", "-n", ns));
        await OkAsync(kubectl.RunAsync("label", "deployment", "web", "tier=back", "--overwrite", "-n", ns));
        await OkAsync(kubectl.RunAsync("annotate", "deployment", "web", "note=hello", "-n", ns));
        await OkAsync(kubectl.RunAsync("annotate", "deployment", "web", "note=again", "--overwrite", "-n", ns));
        var refused = await kubectl.RunAsync("label", "deployment", "web", "tier=side", "-n", ns);
        var middle = await GetAsync(kubectl, ns, "deployment", "web");
        await OkAsync(kubectl.RunAsync("label", "deployment", "web", "tier-", "-n", ns));
        await OkAsync(kubectl.RunAsync("annotate", "deployment", "web", "note-", "-n", ns));
        var after = await GetAsync(kubectl, ns, "deployment", "web");

        Assert.Multiple(() =>
        {
            Assert.That(image.Stdout.Trim(), Is.EqualTo("deployment.apps/web image updated"), image.ToString);
            Assert.That((string?)after["spec"]!["template"]!["spec"]!["containers"]![0]!["image"], Is.EqualTo("busybox:1.37"));
            Assert.That(after["spec"]!["template"]!["spec"]!["containers"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((string?)middle["metadata"]!["labels"]!["tier"], Is.EqualTo("back"));
            Assert.That((string?)middle["metadata"]!["annotations"]!["note"], Is.EqualTo("again"));
            Assert.That(refused.ExitCode, Is.Not.Zero, "without --overwrite an existing label stays: " + refused);
            Assert.That(after["metadata"]!["labels"]!.AsObject().ContainsKey("tier"), Is.False);
            Assert.That(after["metadata"]!["annotations"]?.AsObject().ContainsKey("note") ?? false, Is.False);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Set_env_adds_changes_imports_and_removes_variables(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings", data: new Dictionary<string, string> { ["color"] = "blue" });
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("d.yaml", DeploymentYaml("web", 1, withTier: false, withSecondEnv: true))));

        var set = await OkAsync(kubectl.RunAsync("set", "env", "deployment/web", "FIRST=one", "THIRD=3", "-n", ns));
        var fromConfigMap = await OkAsync(kubectl.RunAsync("set", "env", "deployment/web", "--from=configmap/settings", "--prefix=CM_", "-n", ns));
        var removed = await OkAsync(kubectl.RunAsync("set", "env", "deployment/web", "SECOND-", "-n", ns));
        var listed = await OkAsync(kubectl.RunAsync("set", "env", "deployment/web", "--list", "-n", ns));
        var dryRun = await OkAsync(kubectl.RunAsync("set", "env", "deployment/web", "FIRST=dry", "--dry-run=server", "-n", ns));
        var after = await GetAsync(kubectl, ns, "deployment", "web");

        var env = after["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(set.Stdout.Trim(), Is.EqualTo("deployment.apps/web env updated"), set.ToString);
            Assert.That(fromConfigMap.Stdout.Trim(), Is.EqualTo("deployment.apps/web env updated"), fromConfigMap.ToString);
            Assert.That(removed.Stdout.Trim(), Is.EqualTo("deployment.apps/web env updated"), removed.ToString);
            Assert.That(dryRun.Stdout.Trim(), Is.EqualTo("deployment.apps/web env updated (server dry run)"), dryRun.ToString);
            Assert.That(env.Select(e => (string?)e!["name"]), Is.EqualTo(new[] { "FIRST", "THIRD", "CM_COLOR" }), "SECOND removed, the others in order");
            Assert.That((string?)env[0]!["value"], Is.EqualTo("one"), "the server dry run changed nothing");
            Assert.That((string?)env[1]!["value"], Is.EqualTo("3"));
            Assert.That((string?)env[2]!["valueFrom"]!["configMapKeyRef"]!["name"], Is.EqualTo("settings"));
            Assert.That((string?)env[2]!["valueFrom"]!["configMapKeyRef"]!["key"], Is.EqualTo("color"));
            Assert.That(listed.Stdout, Does.Contain("FIRST=one").And.Contain("THIRD=3").And.Contain("# CM_COLOR from configmap settings, key color"), listed.ToString);
            Assert.That((long?)after["metadata"]!["generation"], Is.EqualTo(4), "three writes after the create");
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Apply_of_an_unknown_field_to_an_existing_object_is_refused_with_its_path(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        var good = DeploymentYaml("web", 1, withTier: false, withSecondEnv: false);
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("d.yaml", good)));
        var typo = WriteFile("typo.yaml", good.Replace("  replicas: 1", "  replicas: 2\n  replicaz: 2", StringComparison.Ordinal));

        var clientSide = await kubectl.RunAsync("apply", "-n", ns, "-f", typo);
        var serverSide = await kubectl.RunAsync("apply", "--server-side", "-n", ns, "-f", typo);
        var after = await GetAsync(kubectl, ns, "deployment", "web");

        Assert.Multiple(() =>
        {
            Assert.That(clientSide.ExitCode, Is.Not.Zero, clientSide.ToString);
            Assert.That(clientSide.Stderr, Does.Contain("unknown field \"spec.replicaz\""), clientSide.ToString);
            Assert.That(serverSide.ExitCode, Is.Not.Zero, serverSide.ToString);
            Assert.That(serverSide.Stderr, Does.Contain("unknown field \"spec.replicaz\""), serverSide.ToString);
            Assert.That((int?)after["spec"]!["replicas"], Is.EqualTo(1), "neither apply changed the object");
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Edit_sends_what_the_editor_changed(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings", data: new Dictionary<string, string> { ["color"] = "blue", ["size"] = "L" });
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("d.yaml", DeploymentYaml("web", 1, withTier: false, withSecondEnv: false))));
        var editor = WriteFile("editor.sh", "#!/bin/sh\nsed -i -e 's/color: blue/color: green/' -e 's/image: busybox:1.36/image: busybox:edited/' \"$1\"\n");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string?> { ["KUBE_EDITOR"] = editor, ["EDITOR"] = editor };

        var configMap = await OkAsync(kubectl.RunWithEnvironmentAsync(environment, "edit", "configmap", "settings", "-n", ns));
        var deployment = await OkAsync(kubectl.RunWithEnvironmentAsync(environment, "edit", "deployment", "web", "-n", ns));
        var settings = await GetAsync(kubectl, ns, "configmap", "settings");
        var web = await GetAsync(kubectl, ns, "deployment", "web");

        Assert.Multiple(() =>
        {
            Assert.That(configMap.Stdout.Trim(), Is.EqualTo("configmap/settings edited"), configMap.ToString);
            Assert.That(deployment.Stdout.Trim(), Is.EqualTo("deployment.apps/web edited"), deployment.ToString);
            Assert.That((string?)settings["data"]!["color"], Is.EqualTo("green"));
            Assert.That((string?)settings["data"]!["size"], Is.EqualTo("L"));
            Assert.That((string?)web["spec"]!["template"]!["spec"]!["containers"]![0]!["image"], Is.EqualTo("busybox:edited"));
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Server_dry_runs_store_nothing(KubectlVersion version)
    {
        var (kubectl, ns) = await SetUpAsync(version);
        var file = WriteFile("d.yaml", DeploymentYaml("web", 1, withTier: false, withSecondEnv: false));
        await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", file));
        var revision = await ListRevisionAsync(ns);

        var create = await OkAsync(kubectl.RunAsync("create", "configmap", "dry", "--from-literal=a=b", "-n", ns, "--dry-run=server"));
        var applyNew = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "--dry-run=server",
            "-f", WriteFile("o.yaml", DeploymentYaml("other", 1, withTier: false, withSecondEnv: false))));
        var applyChange = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "--dry-run=server",
            "-f", WriteFile("d2.yaml", DeploymentYaml("web", 7, withTier: false, withSecondEnv: false))));
        var scale = await OkAsync(kubectl.RunAsync("scale", "deployment", "web", "--replicas=9", "-n", ns, "--dry-run=server"));
        var delete = await OkAsync(kubectl.RunAsync("delete", "deployment", "web", "-n", ns, "--dry-run=server"));

        var web = await GetAsync(kubectl, ns, "deployment", "web");
        var dry = await kubectl.RunAsync("get", "configmap", "dry", "-n", ns);
        var other = await kubectl.RunAsync("get", "deployment", "other", "-n", ns);
        // Every change in the namespace since the revision, replayed by watches that end after a second: the store's
        // global revision is no measure, since other writers (leases, start-up reconcilers) may bump it meanwhile.
        var changes = new List<string>();
        foreach (var path in new[] { $"/api/v1/namespaces/{ns}/configmaps", $"/apis/apps/v1/namespaces/{ns}/deployments" })
        {
            var watch = await Server.HttpClient.GetApiAsync($"{path}?watch=true&resourceVersion={revision}&timeoutSeconds=1");
            changes.AddRange(watch.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        Assert.Multiple(() =>
        {
            Assert.That(create.Stdout.Trim(), Is.EqualTo("configmap/dry created (server dry run)"), create.ToString);
            Assert.That(applyNew.Stdout.Trim(), Is.EqualTo("deployment.apps/other created (server dry run)"), applyNew.ToString);
            Assert.That(applyChange.Stdout.Trim(), Is.EqualTo("deployment.apps/web configured (server dry run)"), applyChange.ToString);
            Assert.That(scale.Stdout.Trim(), Is.EqualTo("deployment.apps/web scaled (server dry run)"), scale.ToString);
            Assert.That(delete.Stdout, Does.Contain("deleted").And.Contain("(server dry run)"), delete.ToString);
            Assert.That((int?)web["spec"]!["replicas"], Is.EqualTo(1));
            Assert.That(dry.Stderr, Does.Contain("NotFound"), dry.ToString);
            Assert.That(other.Stderr, Does.Contain("NotFound"), other.ToString);
            Assert.That(changes, Is.Empty, "nothing was written, so the namespace saw no watch event");
        });
    }

    private async Task<(Kubectl Kubectl, string Namespace)> SetUpAsync(KubectlVersion version) =>
        (Kubectl(version), await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("patch")));

    /// <summary>The store's revision as a list reports it: any write anywhere makes a new one.</summary>
    private async Task<string?> ListRevisionAsync(string ns)
    {
        var list = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/configmaps");
        return (string?)list.Json?["metadata"]?["resourceVersion"];
    }

    private static async Task<JsonObject> GetAsync(Kubectl kubectl, string ns, string kind, string name)
    {
        var result = await OkAsync(kubectl.RunAsync("get", kind, name, "-n", ns, "-o", "json"));
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

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
}
