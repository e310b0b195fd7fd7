using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Reading stored JSON objects the way the printers read typed objects: absent fields are zero values.</summary>
internal static class TableJson
{
    public const string None = "<none>";

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
                return null;
        }
        return node;
    }

    public static string Str(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static string? StrOrNull(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long Int(JsonNode? node, params string[] path) => IntOrNull(node, path) ?? 0;

    public static long? IntOrNull(JsonNode? node, params string[] path)
    {
        if (At(node, path) is not JsonValue v)
            return null;
        if (v.TryGetValue<long>(out var l))
            return l;
        if (v.TryGetValue<double>(out var d))
            return (long)d;
        return null;
    }

    public static bool? BoolOrNull(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static bool Bool(JsonNode? node, params string[] path) => BoolOrNull(node, path) ?? false;

    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray a ? a.OfType<JsonObject>() : [];

    public static IEnumerable<string> Strings(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList() : [];

    public static int Count(JsonNode? node, params string[] path) => At(node, path) switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        _ => 0,
    };

    public static IReadOnlyDictionary<string, string> Map(JsonNode? node, params string[] path)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (At(node, path) is JsonObject o)
        {
            foreach (var (key, value) in o)
                result[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        }
        return result;
    }

    public static DateTimeOffset? Time(JsonNode? node, params string[] path)
    {
        var s = StrOrNull(node, path);
        return s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>translateTimestampSince: the human duration since a timestamp, or "&lt;unknown&gt;" when it is unset.</summary>
    public static string Since(DateTimeOffset? time, DateTimeOffset now) => time is { } t ? Durations.Human(now - t) : "<unknown>";

    public static string Name(JsonObject obj) => Str(obj, "metadata", "name");

    public static string Age(JsonObject obj, DateTimeOffset now) => Since(Time(obj, "metadata", "creationTimestamp"), now);

    public static bool Deleting(JsonObject obj) => StrOrNull(obj, "metadata", "deletionTimestamp") is not null;

    /// <summary>labels.FormatLabels: "k=v,k2=v2" sorted by key, "&lt;none&gt;" when empty.</summary>
    public static string FormatLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? None : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>A label selector's string form (labels.Selector.String()): requirements sorted by key; "" for none.</summary>
    public static string SelectorString(JsonNode? selector)
    {
        if (selector is not JsonObject)
            return "";
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in Map(selector, "matchLabels"))
            requirements.Add((key, $"{key}={value}"));
        foreach (var expression in Objects(selector, "matchExpressions"))
        {
            var key = Str(expression, "key");
            var values = Strings(expression, "values").Distinct().OrderBy(v => v, StringComparer.Ordinal).ToList();
            var text = Str(expression, "operator") switch
            {
                "In" => $"{key} in ({string.Join(",", values)})",
                "NotIn" => $"{key} notin ({string.Join(",", values)})",
                "Exists" => key,
                "DoesNotExist" => "!" + key,
                _ => key,
            };
            requirements.Add((key, text));
        }
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    /// <summary>metav1.FormatLabelSelector: the selector string, "&lt;none&gt;" when it selects by nothing.</summary>
    public static string FormatLabelSelector(JsonNode? selector)
    {
        var s = SelectorString(selector);
        return s.Length == 0 ? None : s;
    }

    /// <summary>layoutContainerCells: container names and images, comma-joined.</summary>
    public static (string Names, string Images) Containers(JsonNode? podSpec)
    {
        var containers = Objects(podSpec, "containers").ToList();
        return (string.Join(",", containers.Select(c => Str(c, "name"))), string.Join(",", containers.Select(c => Str(c, "image"))));
    }

    /// <summary>An IntOrString field as Go's IntOrString.String() prints it.</summary>
    public static string? IntOrString(JsonNode? node, params string[] path) => At(node, path) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The API reference text of a field (its OpenAPI description), as upstream takes it from SwaggerDoc().</summary>
    public static string Doc<T>(string jsonName)
    {
        foreach (var property in typeof(T).GetProperties())
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName)
                return property.GetCustomAttribute<DescriptionAttribute>()?.Text ?? "";
        }
        return "";
    }
}
