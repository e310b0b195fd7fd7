using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>
/// Small accessors for defaulting on JSON objects. A field counts as unset when it is absent or JSON null, which is
/// how a Go pointer or an omitempty zero value arrives over the wire.
/// </summary>
internal static class JsonFields
{
    public static bool IsUnset(JsonObject obj, string name) =>
        !obj.TryGetPropertyValue(name, out var node) || node is null;

    /// <summary>Unset, or the empty string (a Go string field's zero value).</summary>
    public static bool IsUnsetOrEmpty(JsonObject obj, string name) =>
        IsUnset(obj, name) || (GetString(obj, name) is { Length: 0 });

    /// <summary>Unset, or the number 0 (a Go int field's zero value).</summary>
    public static bool IsUnsetOrZero(JsonObject obj, string name) =>
        IsUnset(obj, name) || (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == 0);

    public static string? GetString(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? GetBool(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static JsonObject? GetObject(JsonObject obj, string name) => obj[name] as JsonObject;

    /// <summary>The object under <paramref name="name"/>, created (replacing a null) when unset.</summary>
    public static JsonObject EnsureObject(JsonObject obj, string name)
    {
        if (obj[name] is JsonObject o)
        {
            return o;
        }
        o = [];
        obj[name] = o;
        return o;
    }

    /// <summary>Follows a path of nested objects; null when any step is not an object.</summary>
    public static JsonObject? GetPath(JsonObject obj, params ReadOnlySpan<string> names)
    {
        var current = obj;
        foreach (var name in names)
        {
            current = current[name] as JsonObject;
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>The object elements of the array under <paramref name="name"/>, if there is one.</summary>
    public static IEnumerable<JsonObject> Items(JsonObject? obj, string name)
    {
        if (obj?[name] is not JsonArray array)
        {
            return [];
        }
        return array.OfType<JsonObject>().ToList();
    }

    public static void SetIfUnset(JsonObject obj, string name, string value)
    {
        if (IsUnset(obj, name))
        {
            obj[name] = value;
        }
    }

    public static void SetIfUnsetOrEmpty(JsonObject obj, string name, string value)
    {
        if (IsUnsetOrEmpty(obj, name))
        {
            obj[name] = value;
        }
    }

    public static void SetIfUnset(JsonObject obj, string name, long value)
    {
        if (IsUnset(obj, name))
        {
            obj[name] = value;
        }
    }

    public static void SetIfUnsetOrZero(JsonObject obj, string name, long value)
    {
        if (IsUnsetOrZero(obj, name))
        {
            obj[name] = value;
        }
    }

    public static void SetIfUnset(JsonObject obj, string name, bool value)
    {
        if (IsUnset(obj, name))
        {
            obj[name] = value;
        }
    }

    public static void SetIfUnset(JsonObject obj, string name, Func<JsonNode> value)
    {
        if (IsUnset(obj, name))
        {
            obj[name] = value();
        }
    }
}
