using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// Error paths over plain HTTP: every failure is a Kubernetes <c>Status</c> whose code, reason and message are
/// the ones clients branch on (kubectl prints <c>Error from server (reason): message</c>).
/// </summary>
[TestFixture]
public sealed class ApiErrorTests : ServerFixture
{
    [Test]
    public async Task AMissingObjectIsNotFoundWithTheResourceAndName()
    {
        var ns = await NewNamespaceAsync();

        var core = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/configmaps/x");
        var grouped = await Server.HttpClient.GetApiAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web");

        AssertStatus(core, 404, "NotFound", "configmaps \"x\" not found");
        AssertStatus(grouped, 404, "NotFound", "deployments.apps \"web\" not found");
        Assert.Multiple(() =>
        {
            Assert.That(core.Json?["details"]?.ToJsonString(), Is.EqualTo("""{"name":"x","kind":"configmaps"}"""), core.ToString);
            Assert.That((string?)grouped.Json?["details"]?["group"], Is.EqualTo("apps"), grouped.ToString);
            Assert.That((string?)grouped.Json?["details"]?["kind"], Is.EqualTo("deployments"), grouped.ToString);
        });
    }

    [Test]
    public async Task AMissingNamespaceIsNotFound()
    {
        var missing = UniqueNames.Of("missing");

        var get = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{missing}");
        var create = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{missing}/configmaps", ConfigMap("x"));

        AssertStatus(get, 404, "NotFound", $"namespaces \"{missing}\" not found");
        AssertStatus(create, 404, "NotFound", $"namespaces \"{missing}\" not found");
    }

    [TestCase("/api/v1/nosuchresources")]
    [TestCase("/api/v1/namespaces/default/nosuchresources/x")]
    [TestCase("/api/v2/namespaces")]
    [TestCase("/apis/nosuch.example.com/v1/things")]
    [TestCase("/apis/apps/v9/deployments")]
    [TestCase("/apis/apps/v1/namespaces/default/deployments/web/nosuchsubresource")]
    [TestCase("/api/v1/namespaces/default/configmaps/x/y/z")]
    public async Task AnUnknownApiPathIsNotFound(string path)
    {
        var response = await Server.HttpClient.GetApiAsync(path);

        AssertStatus(response, 404, "NotFound");
    }

    [Test]
    public async Task CreatingAnExistingNameIsAlreadyExists()
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "taken");

        var again = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("taken"));

        AssertStatus(again, 409, "AlreadyExists", "configmaps \"taken\" already exists");
    }

    [Test]
    public async Task AnUpdateWithAStaleResourceVersionIsAConflict()
    {
        var ns = await NewNamespaceAsync();
        var created = await Server.HttpClient.CreateConfigMapAsync(ns, "shared", data: new Dictionary<string, string> { ["v"] = "1" });
        var path = $"/api/v1/namespaces/{ns}/configmaps/shared";
        var first = (JsonObject)created.DeepClone();
        first["data"]!["v"] = "2";
        var current = await Server.HttpClient.SendApiAsync(HttpMethod.Put, path, first.ToJsonString());
        Assert.That(current.Code, Is.EqualTo(200), current.ToString);

        // The same resourceVersion again: it is stale now.
        var stale = (JsonObject)created.DeepClone();
        stale["data"]!["v"] = "3";
        var conflict = await Server.HttpClient.SendApiAsync(HttpMethod.Put, path, stale.ToJsonString());

        AssertStatus(conflict, 409, "Conflict",
            "Operation cannot be fulfilled on configmaps \"shared\": the object has been modified; please apply your changes to the latest version and try again");
    }

    [Test]
    public async Task ABodyNamespaceOtherThanTheUrlsIsABadRequest()
    {
        var ns = await NewNamespaceAsync();
        var body = ConfigMap("elsewhere");
        body["metadata"]!["namespace"] = "default";

        var response = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", body);

        AssertStatus(response, 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync("/api/v1/namespaces/default/configmaps/elsewhere"), Is.Null);
    }

    [Test]
    public async Task ABodyNameOtherThanTheUrlsIsABadRequestOnUpdate()
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "right");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/right", ConfigMap("wrong").ToJsonString());

        AssertStatus(response, 400, "BadRequest");
    }

    [TestCase("{")]
    [TestCase("{\"metadata\":{\"name\":")]
    [TestCase("not json at all")]
    [TestCase("")]
    [TestCase("[1,2,3]")]
    [TestCase("null")]
    [TestCase("{\"metadata\":\"x\"}")]
    [TestCase("{\"metadata\":{\"name\":5}}")]
    [TestCase("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}")]
    [TestCase("{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}")]
    public async Task AMalformedBodyIsABadRequest(string body)
    {
        var ns = await NewNamespaceAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", body);

        AssertStatus(response, 400, "BadRequest");
    }

    [Test]
    public async Task AnObjectWithoutANameIsInvalid()
    {
        var ns = await NewNamespaceAsync();

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", """{"metadata":{}}""");

        AssertStatus(response, 422, "Invalid");
        Assert.That((string?)response.Json?["details"]?["causes"]?[0]?["field"], Is.EqualTo("metadata.name"), response.ToString);
    }

    [TestCase("a==b==c")]
    [TestCase("x in (a")]
    [TestCase("a in x")]
    [TestCase("!")]
    [TestCase("a=b,,")]
    [TestCase("=a")]
    [TestCase("a>")]
    [TestCase("-a")]
    [TestCase("a=b c")]
    public async Task ABadLabelSelectorIsABadRequest(string selector)
    {
        var list = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/default/configmaps?labelSelector={Uri.EscapeDataString(selector)}");
        var watch = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&labelSelector={Uri.EscapeDataString(selector)}");

        AssertStatus(list, 400, "BadRequest");
        AssertStatus(watch, 400, "BadRequest");
    }

    [TestCase("configmaps", "data.key=x")]
    [TestCase("configmaps", "spec.nodeName=n1")]
    [TestCase("configmaps", "metadata.name")]
    [TestCase("configmaps", "metadata.uid=1")]
    [TestCase("secrets", "data=x")]
    public async Task AnUnsupportedFieldSelectorIsABadRequest(string resource, string selector)
    {
        var response = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/default/{resource}?fieldSelector={Uri.EscapeDataString(selector)}");

        AssertStatus(response, 400, "BadRequest");
    }

    [Test]
    public async Task ASupportedFieldSelectorIsServed()
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "one");
        await Server.HttpClient.CreateConfigMapAsync(ns, "two");

        var response = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/configmaps?fieldSelector=metadata.name%3Dtwo");

        Assert.That(response.Code, Is.EqualTo(200), response.ToString);
        Assert.That(response.Json?["items"]?.AsArray().Select(item => (string?)item?["metadata"]?["name"]), Is.EqualTo(new[] { "two" }), response.ToString);
    }

    [TestCase("GET", "/api/v1/namespaces")]
    [TestCase("GET", "/api/v1/namespaces/default/configmaps")]
    [TestCase("GET", "/apis")]
    [TestCase("GET", "/version")]
    [TestCase("POST", "/api/v1/namespaces/default/configmaps")]
    [TestCase("DELETE", "/api/v1/namespaces/default")]
    public async Task WithoutCredentialsTheAnswerIsUnauthorized(string method, string path)
    {
        using var anonymous = Server.CreateHttpClient(clientCertificate: false);

        var response = await anonymous.SendApiAsync(new HttpMethod(method), path, method == "POST" ? ConfigMap("anonymous").ToJsonString() : null);

        AssertStatus(response, 401, "Unauthorized");
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync("/api/v1/namespaces/default"), Is.Not.Null, "the namespace is still there");
    }

    [TestCase("DELETE", "/apis/authentication.k8s.io/v1/tokenreviews/x")]
    [TestCase("GET", "/apis/authentication.k8s.io/v1/tokenreviews")]
    [TestCase("PUT", "/api/v1/namespaces/default/bindings/x")]
    [TestCase("GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews/x")]
    public async Task AVerbTheResourceLacksIsMethodNotAllowed(string method, string path)
    {
        var response = await Server.HttpClient.SendApiAsync(new HttpMethod(method), path, method == "PUT" ? "{}" : null);

        AssertStatus(response, 405, "MethodNotAllowed");
    }

    [Test]
    public async Task ABodyOverThreeMebibytesIsTooLarge()
    {
        var ns = await NewNamespaceAsync();
        var body = ConfigMap("big");
        body["data"] = new JsonObject { ["blob"] = new string('a', (3 * 1024 * 1024) + 1024) };

        var response = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", body);

        AssertStatus(response, 413, "RequestEntityTooLarge");
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/big"), Is.Null);
    }

    [Test]
    public async Task ABodyJustUnderTheLimitIsAccepted()
    {
        var ns = await NewNamespaceAsync();
        var body = ConfigMap("large");
        body["data"] = new JsonObject { ["blob"] = new string('a', 1024 * 1024) };

        var response = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", body);

        Assert.That(response.Code, Is.EqualTo(201), response.ToString);
    }

    [TestCase("POST", "text/plain")]
    [TestCase("POST", "application/xml")]
    [TestCase("POST", "application/x-www-form-urlencoded")]
    [TestCase("PUT", "text/plain")]
    [TestCase("PATCH", "application/octet-stream")]
    [TestCase("PATCH", "text/plain")]
    public async Task AnUnsupportedContentTypeIsUnsupportedMediaType(string method, string contentType)
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "existing");
        var path = method == "POST" ? $"/api/v1/namespaces/{ns}/configmaps" : $"/api/v1/namespaces/{ns}/configmaps/existing";

        var response = await Server.HttpClient.SendApiAsync(new HttpMethod(method), path, ConfigMap("existing").ToJsonString(), contentType);

        AssertStatus(response, 415, "UnsupportedMediaType");
    }

    [Test]
    public async Task ContentTypeParametersAreIgnored()
    {
        var ns = await NewNamespaceAsync();

        // What the C# client sends.
        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("charset").ToJsonString(), "application/json; charset=utf-8");

        Assert.That(response.Code, Is.EqualTo(201), response.ToString);
    }

    [TestCase("resourceVersion=abc")]
    [TestCase("limit=abc")]
    [TestCase("resourceVersionMatch=Sometimes")]
    [TestCase("continue=not-a-token")]
    [TestCase("watch=true&resourceVersion=abc")]
    public async Task AMalformedQueryValueIsABadRequest(string query)
    {
        var response = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/default/configmaps?{query}");

        AssertStatus(response, 400, "BadRequest");
    }

    [Test]
    public async Task UnknownQueryParametersAreIgnored()
    {
        var ns = await NewNamespaceAsync();
        const string unknown = "timeout=32s&no-such-parameter=1&another=x%20y&pretty=true";

        var created = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps?{unknown}", ConfigMap("queried"));
        var read = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/configmaps/queried?{unknown}");
        var listed = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/configmaps?{unknown}");
        var discovery = await Server.HttpClient.GetApiAsync($"/api?{unknown}");
        var deleted = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/queried?{unknown}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Code, Is.EqualTo(201), created.ToString);
            Assert.That(read.Code, Is.EqualTo(200), read.ToString);
            Assert.That(listed.Code, Is.EqualTo(200), listed.ToString);
            Assert.That(listed.Json?["items"]?.AsArray(), Has.Count.EqualTo(1), listed.ToString);
            Assert.That(discovery.Code, Is.EqualTo(200), discovery.ToString);
            Assert.That(deleted.Code, Is.EqualTo(200), deleted.ToString);
        });
    }

    [Test]
    public async Task DeleteWithAFailingPreconditionIsAConflict()
    {
        var ns = await NewNamespaceAsync();
        await Server.HttpClient.CreateConfigMapAsync(ns, "guarded");

        var response = await Server.HttpClient.SendApiAsync(
            HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/guarded", """{"preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}""");

        AssertStatus(response, 409, "Conflict");
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/guarded"), Is.Not.Null);
    }

    private async Task<string> NewNamespaceAsync() => await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("errors"));

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    private static void AssertStatus(ApiResponse response, int code, string reason, string? message = null)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(code), response.ToString);
            Assert.That(response.ContentType, Does.StartWith("application/json"), response.ToString);
            Assert.That(response.IsStatusBody, Is.True, "a Status body with the same code: " + response);
            Assert.That(response.Reason, Is.EqualTo(reason), response.ToString);
            if (message is not null)
            {
                Assert.That(response.Message, Is.EqualTo(message), response.ToString);
            }
        });
    }
}
