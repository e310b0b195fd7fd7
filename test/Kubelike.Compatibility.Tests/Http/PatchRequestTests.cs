using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>PATCH requests as the wire sees them: patch types, preconditions, subresources, dryRun and the Status of each failure.</summary>
[TestFixture]
public sealed class PatchRequestTests : ServerFixture
{
    private const string JsonPatch = "application/json-patch+json";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
         "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"main","image":"busybox:1.36"}]}}}}
        """;

    [TestCase("application/json")]
    [TestCase("text/plain")]
    public async Task An_unsupported_patch_type_is_415_listing_the_supported_ones(string contentType)
    {
        var (ns, path) = await DeploymentAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, "{}", contentType);

        Assert.That((response.Code, response.Reason), Is.EqualTo((415, "UnsupportedMediaType")), response.ToString);
        Assert.That(response.Message, Is.EqualTo("the body of the request was in an unknown format - accepted media types include: "
            + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json"));
        Assert.That(ns, Is.Not.Empty);
    }

    [TestCase(JsonPatch, """[{"op":"replace","path":"/spec/replicas","value":2}]""")]
    [TestCase(KubeHttp.MergePatch, """{"spec":{"replicas":2}}""")]
    [TestCase(StrategicMergePatch, """{"spec":{"replicas":2}}""")]
    public async Task A_patch_of_a_missing_object_is_404(string contentType, string body)
    {
        var (ns, _) = await DeploymentAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns}/deployments/absent", body, contentType);

        Assert.That((response.Code, response.Reason, response.Message), Is.EqualTo((404, "NotFound", "deployments.apps \"absent\" not found")), response.ToString);
    }

    [Test]
    public async Task A_strategic_patch_carrying_a_resource_version_is_conditional()
    {
        var (_, path) = await DeploymentAsync();
        var current = (string?)(await Server.HttpClient.GetApiAsync(path)).Json!["metadata"]!["resourceVersion"];

        var stale = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, """{"metadata":{"resourceVersion":"1"},"spec":{"replicas":5}}""", StrategicMergePatch);
        var fresh = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, $$$"""{"metadata":{"resourceVersion":"{{{current}}}"},"spec":{"replicas":5}}""", StrategicMergePatch);

        Assert.That((stale.Code, stale.Reason), Is.EqualTo((409, "Conflict")), stale.ToString);
        Assert.That(stale.Message, Does.EndWith("the object has been modified; please apply your changes to the latest version and try again"));
        Assert.That(fresh.Code, Is.EqualTo(200), fresh.ToString);
        Assert.That((int?)fresh.Json!["spec"]!["replicas"], Is.EqualTo(5));
    }

    [Test]
    public async Task A_json_patch_test_of_the_resource_version_guards_the_write()
    {
        var (_, path) = await DeploymentAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path,
            """[{"op":"test","path":"/metadata/resourceVersion","value":"1"},{"op":"replace","path":"/spec/replicas","value":3}]""", JsonPatch);

        Assert.That((response.Code, response.Reason, response.Message), Is.EqualTo((422, "Invalid", "the server rejected our request due to an error in our request")), response.ToString);
        Assert.That((int?)(await Server.HttpClient.GetApiAsync(path)).Json!["spec"]!["replicas"], Is.EqualTo(1));
    }

    [TestCase("""[{"op":"add","path":"/spec/nothing/here","value":1}]""", JsonPatch, 422)]
    [TestCase("""{"spec":""", KubeHttp.MergePatch, 400)]
    [TestCase("""{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", StrategicMergePatch, 400)]
    [TestCase("""{"spec":{"$patch":"merge"}}""", StrategicMergePatch, 400)]
    [TestCase("""[1]""", StrategicMergePatch, 400)]
    public async Task A_bad_patch_is_a_status_not_a_server_error(string body, string contentType, int code)
    {
        var (_, path) = await DeploymentAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, body, contentType);

        Assert.That(response.Code, Is.EqualTo(code), response.ToString);
        Assert.That(response.IsStatusBody, Is.True, response.ToString);
    }

    [TestCase(KubeHttp.MergePatch, """{"metadata":{"labels":{"app":"web"}}}""")]
    [TestCase(StrategicMergePatch, """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"busybox:1.36"}]}}}}""")]
    [TestCase(JsonPatch, """[{"op":"test","path":"/spec/replicas","value":1}]""")]
    public async Task A_patch_that_changes_nothing_writes_nothing(string contentType, string body)
    {
        var (_, path) = await DeploymentAsync();
        await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, """{"metadata":{"labels":{"app":"web"}}}""", KubeHttp.MergePatch);
        var before = (string?)(await Server.HttpClient.GetApiAsync(path)).Json!["metadata"]!["resourceVersion"];

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, body, contentType);

        Assert.That(response.Code, Is.EqualTo(200), response.ToString);
        Assert.That((string?)response.Json!["metadata"]!["resourceVersion"], Is.EqualTo(before));
        Assert.That((string?)(await Server.HttpClient.GetApiAsync(path)).Json!["metadata"]!["resourceVersion"], Is.EqualTo(before));
    }

    [TestCase(StrategicMergePatch, """{"spec":{"bogus":1}}""", "map[spec:map[bogus:1]]")]
    [TestCase(KubeHttp.MergePatch, """{"spec":{"bogus":1}}""", null)]
    public async Task Strict_field_validation_refuses_a_patch_with_unknown_fields(string contentType, string body, string? quoted)
    {
        var (_, path) = await DeploymentAsync();

        var strict = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?fieldValidation=Strict", body, contentType);
        var ignore = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?fieldValidation=Ignore", body, contentType);

        Assert.That((strict.Code, strict.Reason), Is.EqualTo((422, "Invalid")), strict.ToString);
        Assert.That(strict.Message, Does.StartWith(" \"\" is invalid: patch: Invalid value: ").And.EndWith(": strict decoding error: unknown field \"spec.bogus\""), strict.ToString);
        if (quoted is not null)
            Assert.That(strict.Message, Does.Contain(quoted));
        Assert.That(ignore.Code, Is.EqualTo(200), ignore.ToString);
        Assert.That(ignore.Json!["spec"]!["bogus"], Is.Null);
    }

    [Test]
    public async Task Strict_field_validation_refuses_a_patch_with_a_duplicate_field()
    {
        var (_, path) = await DeploymentAsync();

        var strict = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?fieldValidation=Strict", """{"spec":{"replicas":2,"replicas":3}}""", StrategicMergePatch);
        var lenient = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?fieldValidation=Ignore", """{"spec":{"replicas":2,"replicas":3}}""", StrategicMergePatch);

        Assert.That((strict.Code, strict.Reason), Is.EqualTo((422, "Invalid")), strict.ToString);
        Assert.That(strict.Message, Does.EndWith("strict decoding error: duplicate field \"spec.replicas\""), strict.ToString);
        Assert.That((lenient.Code, (int?)lenient.Json?["spec"]?["replicas"]), Is.EqualTo((200, (int?)3)), "the last value wins: " + lenient);
    }

    [Test]
    public async Task Status_takes_patches_of_status_only()
    {
        var (_, path) = await DeploymentAsync();

        var status = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "/status", """{"status":{"observedGeneration":7},"spec":{"replicas":9}}""", KubeHttp.MergePatch);
        var main = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, """{"status":{"observedGeneration":8}}""", StrategicMergePatch);
        var stored = (await Server.HttpClient.GetApiAsync(path)).Json!;

        Assert.That(status.Code, Is.EqualTo(200), status.ToString);
        Assert.That(main.Code, Is.EqualTo(200), main.ToString);
        Assert.That((long?)stored["status"]!["observedGeneration"], Is.EqualTo(7));
        Assert.That((int?)stored["spec"]!["replicas"], Is.EqualTo(1));
    }

    [Test]
    public async Task Scale_takes_every_patch_type()
    {
        var (_, path) = await DeploymentAsync();

        var json = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "/scale", """[{"op":"replace","path":"/spec/replicas","value":3}]""", JsonPatch);
        var strategic = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "/scale", """{"spec":{"replicas":4}}""", StrategicMergePatch);

        Assert.That(((int?)json.Json?["spec"]?["replicas"], json.Code), Is.EqualTo(((int?)3, 200)), json.ToString);
        Assert.That(((int?)strategic.Json?["spec"]?["replicas"], strategic.Code), Is.EqualTo(((int?)4, 200)), strategic.ToString);
    }

    [Test]
    public async Task A_dry_run_patch_answers_with_the_result_and_stores_nothing()
    {
        var (_, path) = await DeploymentAsync();
        var before = (await Server.HttpClient.GetApiAsync(path)).Json!;

        var dry = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?dryRun=All", """{"spec":{"replicas":6}}""", StrategicMergePatch);
        var after = (await Server.HttpClient.GetApiAsync(path)).Json!;

        Assert.That(dry.Code, Is.EqualTo(200), dry.ToString);
        Assert.That((int?)dry.Json!["spec"]!["replicas"], Is.EqualTo(6));
        Assert.That((long?)dry.Json!["metadata"]!["generation"], Is.EqualTo(2), "what would be stored, generation included");
        Assert.That(after.ToJsonString(), Is.EqualTo(before.ToJsonString()));
    }

    [TestCase("POST", "", "CreateOptions")]
    [TestCase("PATCH", "/web", "PatchOptions")]
    [TestCase("DELETE", "/web", "DeleteOptions")]
    public async Task A_dry_run_value_other_than_all_is_invalid(string method, string suffix, string options)
    {
        var (ns, _) = await DeploymentAsync();
        var body = method switch { "POST" => Deployment.Replace("\"web\"", "\"web2\"", StringComparison.Ordinal), "PATCH" => "{}", _ => null };

        var response = await Server.HttpClient.SendApiAsync(new HttpMethod(method), $"/apis/apps/v1/namespaces/{ns}/deployments{suffix}?dryRun=Some",
            body, method == "PATCH" ? KubeHttp.MergePatch : KubeHttp.Json);

        Assert.That((response.Code, response.Reason), Is.EqualTo((422, "Invalid")), response.ToString);
        Assert.That(response.Message, Is.EqualTo($"{options}.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: []string{{\"Some\"}}: supported values: \"All\""));
        Assert.That((await Server.HttpClient.GetObjectOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")), Is.Not.Null);
    }

    [Test]
    public async Task Force_is_for_apply_only()
    {
        var (_, path) = await DeploymentAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path + "?force=true", "{}", KubeHttp.MergePatch);

        Assert.That((response.Code, response.Message), Is.EqualTo((422, "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch")), response.ToString);
    }

    private async Task<(string Namespace, string Path)> DeploymentAsync()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("patch"));
        var created = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments", Deployment);
        Assert.That(created.Code, Is.EqualTo(201), created.ToString);
        return (ns, $"/apis/apps/v1/namespaces/{ns}/deployments/web");
    }
}
