using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// The components that are not model classes: the apimachinery types with a JSON form of their own (Time, Quantity,
/// IntOrString...) and the opaque bodies (RawExtension, FieldsV1, Patch). Their shapes follow upstream's v3 documents:
/// IntOrString and Quantity are <c>oneOf</c> a number or a string, timestamps are <c>date-time</c> strings.
/// </summary>
internal static class PrimitiveSchemas
{
    public static JsonObject? Find(string name) => name switch
    {
        SchemaNames.Time => Scalar(
            "Time is a timestamp in RFC 3339 form, in UTC with second precision (2006-01-02T15:04:05Z).", "string", "date-time"),
        SchemaNames.MicroTime => Scalar(
            "MicroTime is a timestamp in RFC 3339 form with microsecond precision (2006-01-02T15:04:05.000000Z).", "string", "date-time"),
        SchemaNames.Quantity => OneOf(
            "Quantity is a fixed-point number with an optional suffix: binary SI (Ki, Mi, Gi, Ti, Pi, Ei), decimal SI (n, u, m, k, M, G, T, P, E) " +
            "or a decimal exponent (e3, E6). It is written as a string in canonical form, such as \"100m\" or \"1.5Gi\"; a plain number is accepted too.",
            format: null, "string", "number"),
        SchemaNames.IntOrString => OneOf(
            "IntOrString holds either a 32-bit integer or a string and is written as whichever it holds, for example a port number or a port name, " +
            "a count or a percentage.",
            format: "int-or-string", "integer", "string"),
        SchemaNames.RawExtension => Scalar(
            "RawExtension holds an embedded object in its serialized form: a JSON object, usually a complete object with apiVersion and kind.", "object"),
        SchemaNames.FieldsV1 => Scalar(
            "FieldsV1 is a set of fields in the trie format of structured-merge-diff: 'f:<name>' names a field of a struct or a key of a map, " +
            "'k:<keys>' a list item by its key fields, 'v:<value>' a member of a set, 'i:<index>' a list position, and '.' the field itself.", "object"),
        SchemaNames.Patch => Scalar(
            "Patch is the body of a PATCH request; the Content-Type names its format (JSON patch, merge patch, strategic merge patch or apply).", "object"),
        _ => null,
    };

    private static JsonObject Scalar(string description, string type, string? format = null)
    {
        var schema = new JsonObject { ["description"] = description, ["type"] = type };
        if (format is not null)
            schema["format"] = format;
        return schema;
    }

    private static JsonObject OneOf(string description, string? format, params string[] types)
    {
        var schema = new JsonObject
        {
            ["description"] = description,
            ["oneOf"] = new JsonArray([.. types.Select(type => (JsonNode)new JsonObject { ["type"] = type })]),
        };
        if (format is not null)
            schema["format"] = format;
        return schema;
    }
}
