using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.OpenApi;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.OpenApi;

/// <summary>
/// The OpenAPI v3 documents the server serves, each generated and serialized once, on first use, then kept: the
/// documents depend only on the registry, which does not change while the server runs. The index lists every
/// group-version with the hash of its document, so building the index builds them all.
/// </summary>
public sealed class OpenApiDocuments
{
    private readonly Dictionary<string, Lazy<ServedOpenApiDocument>> _documents;
    private readonly Lazy<ServedOpenApiDocument> _index;

    public OpenApiDocuments(ResourceRegistry registry)
    {
        var generator = new OpenApiDocumentGenerator(registry);
        _documents = generator.GroupVersionPaths.ToDictionary(
            path => path,
            path => new Lazy<ServedOpenApiDocument>(() =>
                ServedOpenApiDocument.Of(OpenApiDocumentGenerator.Serialize(generator.Generate(path)!, indented: false))),
            StringComparer.Ordinal);
        _index = new Lazy<ServedOpenApiDocument>(() => ServedOpenApiDocument.Of(System.Text.Encoding.UTF8.GetBytes(BuildIndex().ToJsonString())));
        Generated = DateTimeOffset.UtcNow;
    }

    /// <summary>When the documents were made (their Last-Modified).</summary>
    public DateTimeOffset Generated { get; }

    /// <summary><c>/openapi/v3</c>: <c>{"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=…"}}}</c>.</summary>
    public ServedOpenApiDocument Index => _index.Value;

    /// <summary>The document of a group-version path ("apis/apps/v1"), or null when that group-version is not served.</summary>
    public ServedOpenApiDocument? Find(string groupVersionPath) =>
        _documents.TryGetValue(groupVersionPath, out var document) ? document.Value : null;

    /// <summary>The URL of the current version of a document, the one the index names.</summary>
    public static string ServerRelativeUrl(string groupVersionPath, string hash) => $"/openapi/v3/{groupVersionPath}?hash={hash}";

    /// <summary>Builds every document now rather than on the first request (kubectl waits for the index).</summary>
    public void Warm() => _ = Index;

    private JsonObject BuildIndex() => new()
    {
        ["paths"] = new JsonObject([.. _documents.Keys
            .Order(StringComparer.Ordinal)
            .Select(path => KeyValuePair.Create<string, JsonNode?>(path, new JsonObject
            {
                ["serverRelativeURL"] = ServerRelativeUrl(path, _documents[path].Value.Hash),
            }))]),
    };
}
