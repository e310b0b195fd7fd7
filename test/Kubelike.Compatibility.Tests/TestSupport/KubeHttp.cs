using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>Direct requests to the API with the harness's <see cref="HttpClient"/>, answers read in full.</summary>
public static class KubeHttp
{
    public const string Json = "application/json";

    public const string MergePatch = "application/merge-patch+json";

    /// <summary>Sends one request; <paramref name="body"/> goes out with <paramref name="contentType"/> as is.</summary>
    public static async Task<ApiResponse> SendApiAsync(this HttpClient client, HttpMethod method, string path, string? body = null, string? contentType = Json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse($"{method} {path}", response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
    }

    public static Task<ApiResponse> GetApiAsync(this HttpClient client, string path) => client.SendApiAsync(HttpMethod.Get, path);

    public static Task<ApiResponse> PostApiAsync(this HttpClient client, string path, JsonNode body) =>
        client.SendApiAsync(HttpMethod.Post, path, body.ToJsonString());

    /// <summary>Creates a namespace with a JSON POST (kubectl's <c>create namespace</c> sends protobuf) and fails unless it is 201.</summary>
    public static async Task<string> CreateNamespaceAsync(this HttpClient client, string name)
    {
        var response = await client.PostApiAsync("/api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), response.ToString);
        return name;
    }

    /// <summary>Creates a ConfigMap with <paramref name="labels"/> and <paramref name="data"/> in <paramref name="ns"/>; fails unless it is 201.</summary>
    public static async Task<JsonObject> CreateConfigMapAsync(
        this HttpClient client, string ns, string name, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? data = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = ToJson(labels);
        }

        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata };
        if (data is not null)
        {
            configMap["data"] = ToJson(data);
        }

        var response = await client.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", configMap);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), response.ToString);
        return (JsonObject)response.Json!;
    }

    /// <summary>The object at <paramref name="path"/>, or null on 404; anything else fails.</summary>
    public static async Task<JsonObject?> GetObjectOrNullAsync(this HttpClient client, string path)
    {
        var response = await client.GetApiAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.ToString);
        return (JsonObject)response.Json!;
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }

        return json;
    }
}
