using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// <c>/openapi/v3</c> as client-go's cached OpenAPI client uses it: an index naming each document by a URL with its
/// hash, documents that may be cached for good under that URL, a redirect from an old hash, ETags and 304s.
/// </summary>
[TestFixture]
public sealed class OpenApiHttpTests : ServerFixture
{
    [Test]
    public async Task TheIndexNamesEveryDiscoveredGroupVersionByItsHashUrl()
    {
        var index = await Server.HttpClient.GetApiAsync("/openapi/v3");
        var groups = await Server.HttpClient.GetApiAsync("/apis");

        Assert.That(index.Code, Is.EqualTo(200), index.ToString);
        Assert.That(index.ContentType, Does.StartWith("application/json"));
        var paths = index.Json!["paths"]!.AsObject();
        var discovered = groups.Json!["groups"]!.AsArray()
            .SelectMany(g => g!["versions"]!.AsArray().Select(v => "apis/" + (string?)v!["groupVersion"]))
            .Append("api/v1");
        Assert.That(paths.Select(p => p.Key), Is.EquivalentTo(discovered), "every group-version in discovery, and no other");
        foreach (var (path, entry) in paths)
            Assert.That((string?)entry!["serverRelativeURL"], Does.Match($"^/openapi/v3/{path}\\?hash=[0-9A-F]{{128}}$"));
    }

    [Test]
    public async Task ADocumentUnderItsHashUrlIsImmutableAndItsEtagIsTheHash()
    {
        var url = await CurrentUrlAsync("apis/apps/v1");
        var hash = url[(url.IndexOf("hash=", StringComparison.Ordinal) + 5)..];

        using var response = await Server.HttpClient.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(Convert.ToHexString(SHA512.HashData(body)), Is.EqualTo(hash), "the hash is the SHA-512 of the document");
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{hash}\""));
            Assert.That(response.Headers.CacheControl?.Public, Is.True);
            Assert.That(response.Headers.CacheControl?.Extensions.Select(e => e.Name), Does.Contain("immutable"));
            Assert.That(response.Content.Headers.Expires, Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(300)));
            Assert.That((string?)JsonNode.Parse(body)!["openapi"], Is.EqualTo("3.0.0"));
        });
    }

    [Test]
    public async Task WithoutAHashTheDocumentIsServedButNotMarkedImmutable()
    {
        using var response = await Server.HttpClient.GetAsync(new Uri("/openapi/v3/api/v1", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl, Is.Null);
        Assert.That(response.Headers.ETag, Is.Not.Null);
    }

    [Test]
    public async Task AStaleHashIsRedirectedToTheCurrentUrl()
    {
        var current = await CurrentUrlAsync("apis/batch/v1");
        using var client = Server.CreateHttpClient(followRedirects: false);

        using var response = await client.GetAsync(new Uri("/openapi/v3/apis/batch/v1?hash=0123ABCD", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(current));
        Assert.That(response.Headers.CacheControl, Is.Null, "a redirect from an old hash must not be cached for good");
    }

    [Test]
    public async Task AMatchingIfNoneMatchIsANotModified()
    {
        using var first = await Server.HttpClient.GetAsync(new Uri("/openapi/v3/apis/policy/v1", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v3/apis/policy/v1", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var index = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v3", UriKind.Relative));
        using var indexFirst = await Server.HttpClient.GetAsync(new Uri("/openapi/v3", UriKind.Relative));
        index.Headers.IfNoneMatch.Add(indexFirst.Headers.ETag!);

        using var again = await Server.HttpClient.SendAsync(request);
        using var indexAgain = await Server.HttpClient.SendAsync(index);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(indexAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task OnlyJsonIsOffered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v3/api/v1", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/com.github.proto-openapi.spec.v3.v1.0+protobuf"));
        using var protobuf = await Server.HttpClient.SendAsync(request);
        using var wildcard = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v3/api/v1", UriKind.Relative));
        wildcard.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/com.github.proto-openapi.spec.v3.v1.0+protobuf"));
        wildcard.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var either = await Server.HttpClient.SendAsync(wildcard);

        Assert.That(protobuf.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(either.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(either.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task AnUnservedGroupVersionAndVersion2AreNotFound()
    {
        var unknown = await Server.HttpClient.GetApiAsync("/openapi/v3/apis/apps/v1beta1");
        var v2 = await Server.HttpClient.GetApiAsync("/openapi/v2");

        Assert.That(unknown.Code, Is.EqualTo(404), unknown.ToString);
        Assert.That(unknown.IsStatusBody, Is.True, unknown.ToString);
        Assert.That(v2.Code, Is.EqualTo(404), "kubectl and Helm use v3; v2 is their fallback: " + v2);
    }

    [Test]
    public async Task AnonymousRequestsAreUnauthorized()
    {
        using var anonymous = Server.CreateHttpClient(clientCertificate: false);

        var index = await anonymous.GetApiAsync("/openapi/v3");

        Assert.That(index.Code, Is.EqualTo(401), index.ToString);
    }

    private async Task<string> CurrentUrlAsync(string groupVersion)
    {
        var index = await Server.HttpClient.GetApiAsync("/openapi/v3");
        return (string)index.Json!["paths"]![groupVersion]!["serverRelativeURL"]!;
    }
}
