using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>Binding pods to nodes as a scheduler does: <c>pods/NAME/binding</c> and the legacy <c>bindings</c> resource.</summary>
[TestFixture]
public sealed class PodBindingTests : ServerFixture
{
    [Test]
    public async Task A_binding_sets_the_node_and_answers_201_with_a_success_status()
    {
        var (ns, path) = await PodAsync("web");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding", Binding("web", "node-1", """{"scheduled-by":"test"}"""));
        var pod = (await Server.HttpClient.GetApiAsync(path)).Json!;

        Assert.That(response.Code, Is.EqualTo(201), response.ToString);
        Assert.That(JsonNode.DeepEquals(response.Json, JsonNode.Parse("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}""")), response.ToString);
        Assert.That((string?)pod["spec"]!["nodeName"], Is.EqualTo("node-1"));
        Assert.That((string?)pod["metadata"]!["annotations"]!["scheduled-by"], Is.EqualTo("test"));
        var scheduled = pod["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "PodScheduled")!;
        Assert.That((string?)scheduled["status"], Is.EqualTo("True"));
        Assert.That(ns, Is.Not.Empty);
    }

    [Test]
    public async Task Binding_a_pod_that_has_a_node_is_409()
    {
        var (_, path) = await PodAsync("web");
        var first = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding", Binding("web", "node-1"));

        var second = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding", Binding("web", "node-2"));

        Assert.That(first.Code, Is.EqualTo(201), first.ToString);
        Assert.That((second.Code, second.Reason), Is.EqualTo((409, "Conflict")), second.ToString);
        Assert.That(second.Message, Is.EqualTo("Operation cannot be fulfilled on pods/binding \"web\": pod web is already assigned to node \"node-1\""));
        Assert.That((string?)(await Server.HttpClient.GetApiAsync(path)).Json!["spec"]!["nodeName"], Is.EqualTo("node-1"));
    }

    [Test]
    public async Task The_legacy_bindings_resource_binds_the_pod_its_name_names()
    {
        var (ns, path) = await PodAsync("legacy");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/bindings", Binding("legacy", "node-7"));

        Assert.That(response.Code, Is.EqualTo(201), response.ToString);
        Assert.That((string?)response.Json!["status"], Is.EqualTo("Success"));
        Assert.That((string?)(await Server.HttpClient.GetApiAsync(path)).Json!["spec"]!["nodeName"], Is.EqualTo("node-7"));
    }

    [Test]
    public async Task A_binding_of_a_missing_pod_is_404()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("bind"));

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods/absent/binding", Binding("absent", "node-1"));

        Assert.That((response.Code, response.Reason, response.Message), Is.EqualTo((404, "NotFound", "pods \"absent\" not found")), response.ToString);
    }

    [Test]
    public async Task A_binding_whose_name_differs_from_the_url_is_400()
    {
        var (_, path) = await PodAsync("web");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding", Binding("other", "node-1"));

        Assert.That((response.Code, response.Reason, response.Message), Is.EqualTo((400, "BadRequest", "name in URL does not match name in Binding object")), response.ToString);
    }

    [Test]
    public async Task A_binding_without_a_target_node_is_invalid()
    {
        var (_, path) = await PodAsync("web");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding",
            """{"apiVersion":"v1","kind":"Binding","metadata":{"name":"web"},"target":{"kind":"Pod"}}""");

        Assert.That((response.Code, response.Reason), Is.EqualTo((422, "Invalid")), response.ToString);
        Assert.That(response.Message, Does.Contain("target.kind: Invalid value: \"Pod\": must be empty or 'Node'"));
        Assert.That(response.Message, Does.Contain("target.name: Required value"));
        Assert.That((string?)(await Server.HttpClient.GetApiAsync(path)).Json!["spec"]!["nodeName"], Is.Null);
    }

    [Test]
    public async Task A_pod_being_deleted_cannot_be_bound()
    {
        // A finalizer keeps the unbound pod (which would otherwise go at once) in its deleting state.
        var (_, path) = await PodAsync("web", """["example.com/keep"]""");
        var deleted = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, path);

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding", Binding("web", "node-1"));

        Assert.That(deleted.Code, Is.EqualTo(200), deleted.ToString);
        Assert.That((response.Code, response.Message), Is.EqualTo((409, "Operation cannot be fulfilled on pods/binding \"web\": pod web is being deleted, cannot be assigned to a host")),
            response.ToString);
    }

    [Test]
    public async Task A_dry_run_binding_leaves_the_pod_unbound()
    {
        var (_, path) = await PodAsync("web");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, path + "/binding?dryRun=All", Binding("web", "node-1"));

        Assert.That(response.Code, Is.EqualTo(201), response.ToString);
        Assert.That((string?)(await Server.HttpClient.GetApiAsync(path)).Json!["spec"]!["nodeName"], Is.Null);
    }

    [Test]
    public async Task Discovery_lists_the_binding_subresource_as_create_only()
    {
        var resources = (await Server.HttpClient.GetApiAsync("/api/v1")).Json!["resources"]!.AsArray();

        var binding = resources.SingleOrDefault(r => (string?)r!["name"] == "pods/binding");

        Assert.That(binding, Is.Not.Null);
        Assert.That(binding!["verbs"]!.AsArray().Select(v => (string?)v), Is.EqualTo(new[] { "create" }));
        Assert.That((string?)binding["kind"], Is.EqualTo("Binding"));
    }

    private static string Binding(string pod, string node, string annotations = "{}") =>
        $$$"""{"apiVersion":"v1","kind":"Binding","metadata":{"name":"{{{pod}}}","annotations":{{{annotations}}}},"target":{"apiVersion":"v1","kind":"Node","name":"{{{node}}}"}}""";

    private async Task<(string Namespace, string Path)> PodAsync(string name, string finalizers = "[]")
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("bind"));
        var created = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods",
            $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","finalizers":{{{finalizers}}}},"spec":{"containers":[{"name":"main","image":"busybox"}]}}""");
        Assert.That(created.Code, Is.EqualTo(201), created.ToString);
        return (ns, $"/api/v1/namespaces/{ns}/pods/{name}");
    }
}
