using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiServer.Resources;

/// <summary>Reading and writing the metadata of an object held as a JSON tree.</summary>
internal static class ObjectJson
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <summary>Parses a request body that must be one JSON object; anything else is a 400.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, NodeOptions, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw ApiException.BadRequest($"the body of the request was in an unknown format: {exception.Message}");
        }
        return node as JsonObject ?? throw ApiException.BadRequest("the body of the request must be a JSON object");
    }

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
            return metadata;
        if (obj["metadata"] is not null)
            throw ApiException.BadRequest("metadata must be an object");
        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? GetString(JsonObject obj, string property)
    {
        var node = obj[property];
        if (node is null)
            return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
            return text;
        throw ApiException.BadRequest($"{property} must be a string");
    }

    public static string Name(JsonObject obj) => GetString(Metadata(obj), "name") ?? "";

    public static string Namespace(JsonObject obj) => GetString(Metadata(obj), "namespace") ?? "";

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => StringMap(Metadata(obj)["labels"]);

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        if (node is not JsonObject map)
            return new Dictionary<string, string>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
                result[key] = text;
        }
        return result;
    }

    public static List<string> Finalizers(JsonObject obj) =>
        Metadata(obj)["finalizers"] is JsonArray array
            ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)]
            : [];

    /// <summary>Everything but metadata and status: what a change of bumps metadata.generation.</summary>
    public static bool SpecEquals(JsonObject a, JsonObject b)
    {
        var left = a.Where(p => p.Key is not ("metadata" or "status" or "apiVersion" or "kind")).OrderBy(p => p.Key, StringComparer.Ordinal);
        var right = b.Where(p => p.Key is not ("metadata" or "status" or "apiVersion" or "kind")).OrderBy(p => p.Key, StringComparer.Ordinal);
        return left.Count() == right.Count() && left.Zip(right).All(pair => pair.First.Key == pair.Second.Key && JsonNode.DeepEquals(pair.First.Value, pair.Second.Value));
    }

    /// <summary>Whether two versions of an object are the same but for metadata.resourceVersion (an update that changes nothing).</summary>
    public static bool SameExceptResourceVersion(JsonObject a, JsonObject b)
    {
        if (a.Count != b.Count)
            return false;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetPropertyValue(key, out var other))
                return false;
            if (key == "metadata" && value is JsonObject left && other is JsonObject right)
            {
                var leftFields = left.Where(p => p.Key != "resourceVersion").ToList();
                var rightFields = right.Where(p => p.Key != "resourceVersion").ToList();
                if (leftFields.Count != rightFields.Count
                    || !leftFields.All(p => right.TryGetPropertyValue(p.Key, out var r) && JsonNode.DeepEquals(p.Value, r)))
                    return false;
            }
            else if (!JsonNode.DeepEquals(value, other))
            {
                return false;
            }
        }
        return true;
    }
}
