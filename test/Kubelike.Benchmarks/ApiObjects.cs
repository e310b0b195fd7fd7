using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kubelike.Benchmarks;

/// <summary>The request bodies the API scenario sends, and reading what comes back.</summary>
internal static class ApiObjects
{
    public const string ConfigMaps = "api/v1/namespaces/default/configmaps";
    public const string Pods = "api/v1/namespaces/default/pods";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Letters that make a ConfigMap about <see cref="Payload.Size"/> bytes of JSON.</summary>
    private static readonly string Blob = BuildBlob(Payload.Size - 160);

    /// <summary>A ConfigMap of about 1 KiB; with a resourceVersion for a conditional PUT.</summary>
    public static ByteArrayContent ConfigMap(string name, string? resourceVersion = null)
    {
        var version = resourceVersion is null ? "" : $",\"resourceVersion\":\"{resourceVersion}\"";
        return Content($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"default","labels":{"app":"bench"}{{{version}}}},"data":{"blob":"{{{Blob}}}"}}""");
    }

    /// <summary>A small Pod that no node has been assigned (spec.nodeName unset).</summary>
    public static ByteArrayContent Pod(string name) =>
        Content($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"default","labels":{"app":"bench"}},"spec":{"containers":[{"name":"main","image":"registry.k8s.io/pause:3.10"}]}}""");

    /// <summary>Sends, reads the whole body, and throws with the status and the body's start unless it succeeded.</summary>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
        return body;
    }

    /// <summary>metadata.resourceVersion of an object or a list.</summary>
    public static string ResourceVersion(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()
            ?? throw new InvalidOperationException("no metadata.resourceVersion in the response");
    }

    private static ByteArrayContent Content(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = Json;
        return content;
    }

    private static string BuildBlob(int length)
    {
        var random = new Random(length);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
            builder.Append((char)('a' + random.Next(26)));
        return builder.ToString();
    }
}
