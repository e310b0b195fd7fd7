using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>
/// <c>kubectl apply --server-side</c>: create, re-apply, pruning of a field dropped from the file, conflicts with
/// another field manager and <c>--force-conflicts</c>, managedFields as <c>--show-managed-fields</c> shows them, and
/// moving an object from client-side to server-side apply. (No OpenAPI yet, so kubectl runs with --validate=false.)
/// </summary>
[TestFixture]
public sealed class KubectlServerSideApplyTests : ServerFixture
{
    private static string Deployment(int replicas, string labels) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {{{labels}}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        """;

    private async Task<string> WriteAsync(string name, string manifest)
    {
        var path = TestDirectory.Combine(name);
        await File.WriteAllTextAsync(path, manifest);
        return path;
    }

    private static async Task<JsonObject> GetAsync(Kubectl kubectl, string ns)
    {
        var get = await kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "json", "--show-managed-fields");
        Assert.That(get.ExitCode, Is.EqualTo(0), get.ToString);
        return JsonNode.Parse(get.Stdout)!.AsObject();
    }

    private static IEnumerable<string> Managers(JsonObject obj) =>
        obj["metadata"]!["managedFields"]!.AsArray().Select(e => $"{e!["manager"]}/{e["operation"]}");

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Apply_creates_reapplies_prunes_conflicts_and_forces(KubectlVersion version)
    {
        var kubectl = Kubectl(version);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("ssa"));
        var first = await WriteAsync("v1.yaml", Deployment(2, "app: web, tier: front"));

        var create = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "-n", ns, "-f", first);
        Assert.That(create.ExitCode, Is.EqualTo(0), create.ToString);
        Assert.That(create.Stdout, Does.Contain("deployment.apps/web serverside-applied"));
        var created = await GetAsync(kubectl, ns);
        Assert.That(Managers(created), Is.EqualTo(new[] { "kubectl/Apply" }));
        var owned = created["metadata"]!["managedFields"]![0]!["fieldsV1"]!;
        Assert.That(owned["f:spec"]!["f:replicas"], Is.Not.Null);
        Assert.That(owned["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"nginx\"}"]!["f:image"], Is.Not.Null);
        Assert.That(owned["f:spec"]!["f:strategy"], Is.Null, "defaulted fields belong to nobody");

        var again = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "-n", ns, "-f", first);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString);
        var reapplied = await GetAsync(kubectl, ns);
        Assert.That((string?)reapplied["metadata"]!["resourceVersion"], Is.EqualTo((string?)created["metadata"]!["resourceVersion"]), "applying the same file again writes nothing");

        var second = await WriteAsync("v2.yaml", Deployment(2, "app: web"));
        var prune = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "-n", ns, "-f", second);
        Assert.That(prune.ExitCode, Is.EqualTo(0), prune.ToString);
        Assert.That((await GetAsync(kubectl, ns))["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web"}"""), "a label dropped from the file is removed");

        var other = await WriteAsync("other.yaml", Deployment(5, "app: web"));
        var conflict = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "--field-manager=deployer", "-n", ns, "-f", other);
        Assert.That(conflict.ExitCode, Is.Not.EqualTo(0), conflict.ToString);
        Assert.That(conflict.Stderr, Does.Contain("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas"));
        Assert.That(conflict.Stderr, Does.Contain("--force-conflicts"));

        var forced = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "--field-manager=deployer", "--force-conflicts", "-n", ns, "-f", other);
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.ToString);
        var taken = await GetAsync(kubectl, ns);
        Assert.That((int?)taken["spec"]!["replicas"], Is.EqualTo(5));
        var kubectlFields = taken["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "kubectl")!["fieldsV1"]!;
        Assert.That(kubectlFields["f:spec"]!["f:replicas"], Is.Null, "the forced apply took replicas over");
        Assert.That(Managers(taken), Is.EquivalentTo(new[] { "kubectl/Apply", "deployer/Apply" }));
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Client_side_apply_then_server_side_apply_takes_over_without_conflicts(KubectlVersion version)
    {
        var kubectl = Kubectl(version);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("ssa"));
        var first = await WriteAsync("csa.yaml", Deployment(2, "app: web"));
        var csa = await kubectl.RunAsync("apply", "--validate=false", "-n", ns, "-f", first);
        Assert.That(csa.ExitCode, Is.EqualTo(0), csa.ToString);
        Assert.That(Managers(await GetAsync(kubectl, ns)), Is.EqualTo(new[] { "kubectl-client-side-apply/Update" }));

        var changed = await WriteAsync("ssa.yaml", Deployment(3, "app: web"));
        var ssa = await kubectl.RunAsync("apply", "--server-side", "--validate=false", "-n", ns, "-f", changed);
        Assert.That(ssa.ExitCode, Is.EqualTo(0), ssa.ToString);
        var migrated = await GetAsync(kubectl, ns);
        Assert.That((int?)migrated["spec"]!["replicas"], Is.EqualTo(3));
        Assert.That(Managers(migrated), Does.Contain("kubectl/Apply").And.Not.Contain("kubectl-client-side-apply/Update"));
        var lastApplied = (string?)migrated["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"];
        Assert.That(JsonNode.Parse(lastApplied!)!["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(3), "server-side apply keeps kubectl's annotation current");
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Server_side_dry_run_and_diff_show_the_change_and_store_nothing(KubectlVersion version)
    {
        var kubectl = Kubectl(version);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("ssa"));
        var created = await kubectl.RunAsync("apply", "--server-side", "-n", ns, "-f", await WriteAsync("v1.yaml", Deployment(2, "app: web")));
        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString);
        var before = await GetAsync(kubectl, ns);
        var changed = await WriteAsync("v2.yaml", Deployment(4, "app: web, tier: front"));

        var dryRun = await kubectl.RunAsync("apply", "--server-side", "--dry-run=server", "-n", ns, "-f", changed);
        var dryConflict = await kubectl.RunAsync("apply", "--server-side", "--dry-run=server", "--field-manager=other", "-n", ns, "-f", changed);
        var dryForced = await kubectl.RunAsync("apply", "--server-side", "--dry-run=server", "--field-manager=other", "--force-conflicts", "-n", ns, "-f", changed);
        var diff = await kubectl.RunAsync("diff", "--server-side", "-n", ns, "-f", changed);
        var after = await GetAsync(kubectl, ns);

        Assert.Multiple(() =>
        {
            Assert.That(dryRun.ExitCode, Is.EqualTo(0), dryRun.ToString);
            Assert.That(dryRun.Stdout.Trim(), Is.EqualTo("deployment.apps/web serverside-applied (server dry run)"), dryRun.ToString);
            Assert.That(dryConflict.ExitCode, Is.Not.EqualTo(0), "a dry run still reports conflicts: " + dryConflict);
            Assert.That(dryConflict.Stderr, Does.Contain("conflict with \"kubectl\": .spec.replicas"), dryConflict.ToString);
            Assert.That(dryForced.ExitCode, Is.EqualTo(0), dryForced.ToString);
            Assert.That(diff.ExitCode, Is.EqualTo(1), "diff exits 1 when there are differences: " + diff);
            Assert.That(diff.Stdout, Does.Contain("-  replicas: 2").And.Contain("+  replicas: 4").And.Contain("+    tier: front"), diff.ToString);
            Assert.That((string?)after["metadata"]!["resourceVersion"], Is.EqualTo((string?)before["metadata"]!["resourceVersion"]), "nothing was stored");
            Assert.That(Managers(after), Is.EqualTo(new[] { "kubectl/Apply" }));
        });
    }

    [Test]
    public async Task Other_writes_are_recorded_under_their_field_managers()
    {
        var kubectl = Kubectl(KubectlVersion.V1_35);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("ssa"));
        var create = await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=busybox:1.36");
        Assert.That(create.ExitCode, Is.EqualTo(0), create.ToString);
        var label = await kubectl.RunAsync("label", "deployment", "web", "-n", ns, "tier=back");
        Assert.That(label.ExitCode, Is.EqualTo(0), label.ToString);
        var scale = await kubectl.RunAsync("scale", "deployment", "web", "-n", ns, "--replicas=3");
        Assert.That(scale.ExitCode, Is.EqualTo(0), scale.ToString);

        var obj = await GetAsync(kubectl, ns);
        var entries = obj["metadata"]!["managedFields"]!.AsArray();
        var created = entries.Single(e => (string?)e!["manager"] == "kubectl-create")!;
        Assert.That((string?)created["operation"], Is.EqualTo("Update"));
        Assert.That(created["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"busybox\"}"]!["f:image"], Is.Not.Null);
        Assert.That(entries.Single(e => (string?)e!["manager"] == "kubectl-label")!["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:tier"], Is.Not.Null);
        var scaled = entries.Single(e => (string?)e!["subresource"] == "scale")!;
        Assert.That(scaled["fieldsV1"]!.ToJsonString(), Is.EqualTo("""{"f:spec":{"f:replicas":{}}}"""));
        Assert.That(created["fieldsV1"]!["f:spec"]!["f:replicas"], Is.Null, "replicas moved to the scale writer");
    }
}
