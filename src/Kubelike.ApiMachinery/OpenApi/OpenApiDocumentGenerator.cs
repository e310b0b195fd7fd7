using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// OpenAPI v3 documents, one per served group-version (what <c>/openapi/v3/apis/apps/v1</c> serves), generated from
/// the registry and the model types. Every object's keys are in ordinal order, so a document is the same bytes every
/// time it is generated: its hash is stable across restarts and the checked-in copies under <c>api-spec/openapi/</c>
/// can be compared byte for byte.
/// </summary>
public sealed class OpenApiDocumentGenerator(ResourceRegistry registry)
{
    /// <summary>
    /// The group-versions as the v3 index names them ("api/v1", "apis/apps/v1"), in discovery order.
    /// </summary>
    public IReadOnlyList<string> GroupVersionPaths =>
        [.. registry.Groups.SelectMany(group => group.Versions.Select(version => PathOf(group.Name, version)))];

    /// <summary>The document of one group-version path ("apis/apps/v1"), or null when it is not served.</summary>
    public JsonObject? Generate(string groupVersionPath)
    {
        foreach (var group in registry.Groups)
        {
            foreach (var version in group.Versions)
            {
                if (PathOf(group.Name, version) == groupVersionPath)
                    return Generate(group, version);
            }
        }
        return null;
    }

    /// <summary>"api/v1" for the core group, "apis/{group}/{version}" otherwise.</summary>
    public static string PathOf(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    /// <summary>
    /// The file name of a document under <c>api-spec/openapi/</c>, as upstream names its copies
    /// (<c>apis__apps__v1_openapi.json</c>).
    /// </summary>
    public static string FileNameOf(string groupVersionPath) => groupVersionPath.Replace("/", "__", StringComparison.Ordinal) + "_openapi.json";

    /// <summary>
    /// A document as UTF-8 JSON: compact as served, or indented by two spaces with a final newline as checked in.
    /// Only what JSON requires is escaped, so descriptions stay readable.
    /// </summary>
    public static byte[] Serialize(JsonObject document, bool indented)
    {
        ArgumentNullException.ThrowIfNull(document);
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            IndentSize = 2,
        };
        var json = document.ToJsonString(options);
        return System.Text.Encoding.UTF8.GetBytes(indented ? json + "\n" : json);
    }

    private JsonObject Generate(ApiGroupDefinition group, string version)
    {
        var schemas = new ComponentSchemas(SharedKindGroupVersions());
        var paths = new ResourcePaths(group, version, schemas).Build(registry.ResourcesIn(group.Name, version));
        var document = new JsonObject
        {
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.ToJson(),
                ["securitySchemes"] = new JsonObject
                {
                    ["BearerToken"] = new JsonObject
                    {
                        ["description"] = "Bearer Token authentication",
                        ["in"] = "header",
                        ["name"] = "authorization",
                        ["type"] = "apiKey",
                    },
                },
            },
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "unversioned" },
            ["openapi"] = "3.0.0",
            ["paths"] = paths,
        };
        return (JsonObject)Ordered(document)!;
    }

    /// <summary>Every served group-version, ordered by group then version, as the option kinds list them.</summary>
    private List<(string Group, string Version)> SharedKindGroupVersions() =>
        [.. registry.Groups
            .SelectMany(group => group.Versions.Select(version => (group.Name, version)))
            .OrderBy(gv => gv.Name, StringComparer.Ordinal)
            .ThenBy(gv => gv.version, StringComparer.Ordinal)];

    /// <summary>A copy with every object's keys in ordinal order (arrays keep their order).</summary>
    private static JsonNode? Ordered(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Ordered(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Ordered)]),
        null => null,
        _ => node.DeepClone(),
    };
}
