using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>Applies a PATCH body of one of the <see cref="PatchTypes"/> to an object.</summary>
public static class ObjectPatch
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <summary>
    /// Parses a patch body; anything but JSON is a 400, as upstream checks before applying. A member given twice
    /// keeps its last value, as Go's decoder does.
    /// </summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> body) => Parse(body, duplicates: null);

    /// <summary>
    /// <see cref="Parse(ReadOnlySpan{byte})"/>, reporting each member given more than once to <paramref name="duplicates"/>
    /// as <c>duplicate field "a.b"</c>, for <c>fieldValidation</c>.
    /// </summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> body, ICollection<string>? duplicates)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
                throw PatchException.BadRequest("invalid JSON patch");
            return ToNode(document.RootElement, "", duplicates);
        }
        catch (JsonException)
        {
            throw PatchException.BadRequest("invalid JSON patch");
        }
    }

    private static JsonNode? ToNode(JsonElement element, string path, ICollection<string>? duplicates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (obj.ContainsKey(property.Name))
                        duplicates?.Add($"duplicate field \"{childPath}\"");
                    obj[property.Name] = ToNode(property.Value, childPath, duplicates);
                }
                return obj;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select((item, index) => ToNode(item, $"{path}[{index}]", duplicates))]);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>
    /// The object <paramref name="target"/> becomes under <paramref name="patch"/>; <paramref name="modelType"/> gives
    /// strategic merge patch its merge facts. The target is not changed.
    /// </summary>
    /// <exception cref="PatchException">The patch is malformed or does not apply.</exception>
    public static JsonObject Apply(string patchType, JsonObject target, JsonNode? patch, Type? modelType)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = patchType switch
        {
            PatchTypes.Json => JsonPatch.Apply(target, patch),
            PatchTypes.Merge => patch is JsonObject ? MergePatch.Apply(target, patch) : throw PatchException.BadRequest("Invalid JSON Patch"),
            PatchTypes.StrategicMerge when modelType is not null => patch is JsonObject patchObject
                ? StrategicMergePatch.Apply(target, patchObject, modelType)
                : throw PatchException.BadRequest($"json: cannot unmarshal {Describe(patch)} into Go value of type map[string]interface {{}}"),
            _ => throw new ArgumentException($"not a patch type this kind accepts: {patchType}", nameof(patchType)),
        };
        return result as JsonObject ?? throw PatchException.BadRequest("the patch must produce an object");
    }

    /// <summary>
    /// The patch as upstream quotes it in a strict decoding error: a strategic merge patch as the Go map it decoded
    /// into, the others as the patched object.
    /// </summary>
    public static string Describe(string patchType, JsonNode? patch, JsonObject patched)
    {
        ArgumentNullException.ThrowIfNull(patched);
        return patchType == PatchTypes.StrategicMerge ? JsonValues.GoValue(patch) : patched.ToJsonString();
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
