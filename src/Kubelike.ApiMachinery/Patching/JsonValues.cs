using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>Comparing JSON values and printing them as Go prints the decoded value, for patch error messages.</summary>
internal static class JsonValues
{
    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsObject(JsonNode? node) => node is JsonObject;

    public static bool IsArray(JsonNode? node) => node is JsonArray;

    /// <summary>Scalar equality as Go's <c>==</c> on decoded values: same kind, and same string, number or boolean.</summary>
    public static bool ScalarEquals(JsonNode? a, JsonNode? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
            return false;
        return kind switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.String => a!.GetValue<string>() == b!.GetValue<string>(),
            JsonValueKind.Number => NumberText(a!) == NumberText(b!) || (Decimal(a!) is { } x && Decimal(b!) is { } y && x == y),
            _ => false,
        };
    }

    /// <summary>Deep equality with numbers compared by value.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second)),
        (JsonObject or JsonArray, _) or (_, JsonObject or JsonArray) => false,
        _ => ScalarEquals(a, b),
    };

    /// <summary>A key under which equal scalars (by <see cref="ScalarEquals"/>) collide, for sets of primitives.</summary>
    public static string ScalarKey(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "s:" + node!.GetValue<string>(),
        JsonValueKind.Number => "n:" + (Decimal(node!)?.ToString(CultureInfo.InvariantCulture) ?? NumberText(node!)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "j:" + node!.ToJsonString(),
    };

    /// <summary>The Go type name of the decoded value, as <c>reflect.TypeOf</c> prints it.</summary>
    public static string GoTypeName(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Object => "map[string]interface {}",
        JsonValueKind.Array => "[]interface {}",
        JsonValueKind.String => "string",
        JsonValueKind.Number => NumberText(node!).All(c => char.IsAsciiDigit(c) || c == '-') ? "int64" : "float64",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "%!s(<nil>)",
    };

    /// <summary>The decoded value as Go's <c>%v</c> prints it: <c>map[a:1 b:x]</c>, <c>[1 2]</c>, bare strings.</summary>
    public static string GoValue(JsonNode? node) => node switch
    {
        null => "<nil>",
        JsonObject obj => "map[" + string.Join(" ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + GoValue(p.Value))) + "]",
        JsonArray array => "[" + string.Join(" ", array.Select(GoValue)) + "]",
        _ => Kind(node) switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => NumberText(node),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => node.ToJsonString(),
        },
    };

    private static string NumberText(JsonNode node) => node.ToJsonString();

    private static decimal? Decimal(JsonNode node) =>
        decimal.TryParse(NumberText(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
