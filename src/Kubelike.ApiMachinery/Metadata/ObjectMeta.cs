using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Metadata;

/// <summary>
/// Reads and writes the metadata of an object held as JSON, so generic code works on every kind whether or not it
/// has a typed model. Setting a field to null removes it; the metadata object is created on first write.
/// Timestamps are RFC 3339 with second precision in UTC ("2026-01-02T03:04:05Z"), as metav1.Time serializes.
/// </summary>
public sealed class ObjectMeta(JsonObject obj)
{
    public JsonObject Node { get; } = obj ?? throw new ArgumentNullException(nameof(obj));

    /// <summary>Wraps an object node; throws when the node is not a JSON object.</summary>
    public static ObjectMeta Of(JsonNode? node) =>
        node is JsonObject o ? new ObjectMeta(o) : throw new ArgumentException("an API object must be a JSON object", nameof(node));

    private JsonObject? Metadata => Node["metadata"] as JsonObject;

    private JsonObject EnsureMetadata()
    {
        if (Node["metadata"] is JsonObject m)
        {
            return m;
        }
        m = [];
        Node["metadata"] = m;
        return m;
    }

    private string? GetString(string name) => Metadata?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private void Set(string name, JsonNode? value)
    {
        if (value is null)
        {
            Metadata?.Remove(name);
        }
        else
        {
            EnsureMetadata()[name] = value;
        }
    }

    public string? ApiVersion
    {
        get => Node["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        set => Node["apiVersion"] = value;
    }

    public string? Kind
    {
        get => Node["kind"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        set => Node["kind"] = value;
    }

    public string? Name
    {
        get => GetString("name");
        set => Set("name", value);
    }

    public string? GenerateName
    {
        get => GetString("generateName");
        set => Set("generateName", value);
    }

    public string? Namespace
    {
        get => GetString("namespace");
        set => Set("namespace", value);
    }

    public string? Uid
    {
        get => GetString("uid");
        set => Set("uid", value);
    }

    public string? ResourceVersion
    {
        get => GetString("resourceVersion");
        set => Set("resourceVersion", value);
    }

    public long? Generation
    {
        get => GetLong("generation");
        set => Set("generation", value is { } g ? JsonValue.Create(g) : null);
    }

    public DateTimeOffset? CreationTimestamp
    {
        get => GetTime("creationTimestamp");
        set => Set("creationTimestamp", value is { } t ? FormatTime(t) : null);
    }

    public DateTimeOffset? DeletionTimestamp
    {
        get => GetTime("deletionTimestamp");
        set => Set("deletionTimestamp", value is { } t ? FormatTime(t) : null);
    }

    public long? DeletionGracePeriodSeconds
    {
        get => GetLong("deletionGracePeriodSeconds");
        set => Set("deletionGracePeriodSeconds", value is { } g ? JsonValue.Create(g) : null);
    }

    /// <summary>The labels (a copy; empty when absent). Set null or empty to remove them.</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get => GetMap("labels");
        set => SetMap("labels", value);
    }

    /// <summary>The annotations (a copy; empty when absent). Set null or empty to remove them.</summary>
    public IReadOnlyDictionary<string, string> Annotations
    {
        get => GetMap("annotations");
        set => SetMap("annotations", value);
    }

    /// <summary>The finalizers in order (a copy). Set null or empty to remove them.</summary>
    public IReadOnlyList<string> Finalizers
    {
        get => Metadata?["finalizers"] is JsonArray a ? [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")] : [];
        set => Set("finalizers", value is null || value.Count == 0 ? null : new JsonArray([.. value.Select(f => (JsonNode?)JsonValue.Create(f))]));
    }

    /// <summary>The owner references (a copy). Set null or empty to remove them.</summary>
    public IReadOnlyList<OwnerReference> OwnerReferences
    {
        get => Metadata?["ownerReferences"] is JsonArray a ? [.. a.OfType<JsonObject>().Select(ReadOwner)] : [];
        set => Set("ownerReferences", value is null || value.Count == 0 ? null : new JsonArray([.. value.Select(WriteOwner)]));
    }

    /// <summary>The owner reference with controller: true, if any.</summary>
    public OwnerReference? ControllerReference => OwnerReferences.FirstOrDefault(r => r.Controller == true);

    public void SetLabel(string key, string? value) => SetEntry("labels", key, value);

    public void SetAnnotation(string key, string? value) => SetEntry("annotations", key, value);

    /// <summary>RFC 3339 at second precision in UTC: "2026-01-02T03:04:05Z".</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private long? GetLong(string name) => Metadata?[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private DateTimeOffset? GetTime(string name) =>
        GetString(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    private Dictionary<string, string> GetMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Metadata?[name] is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                map[k] = v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? "";
            }
        }
        return map;
    }

    private void SetMap(string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            Set(name, null);
            return;
        }
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k] = v;
        }
        Set(name, o);
    }

    private void SetEntry(string mapName, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            if (Metadata?[mapName] is JsonObject existing)
            {
                existing.Remove(key);
                if (existing.Count == 0)
                {
                    Metadata.Remove(mapName);
                }
            }
            return;
        }
        var metadata = EnsureMetadata();
        if (metadata[mapName] is not JsonObject map)
        {
            map = [];
            metadata[mapName] = map;
        }
        map[key] = value;
    }

    private static OwnerReference ReadOwner(JsonObject o) => new(
        (string?)o["apiVersion"] ?? "",
        (string?)o["kind"] ?? "",
        (string?)o["name"] ?? "",
        (string?)o["uid"] ?? "",
        o["controller"] is JsonValue c && c.TryGetValue<bool>(out var controller) ? controller : null,
        o["blockOwnerDeletion"] is JsonValue b && b.TryGetValue<bool>(out var block) ? block : null);

    private static JsonNode WriteOwner(OwnerReference r)
    {
        // Field order of metav1.OwnerReference's JSON.
        var o = new JsonObject { ["apiVersion"] = r.ApiVersion, ["kind"] = r.Kind, ["name"] = r.Name, ["uid"] = r.Uid };
        if (r.Controller is { } c)
        {
            o["controller"] = c;
        }
        if (r.BlockOwnerDeletion is { } b)
        {
            o["blockOwnerDeletion"] = b;
        }
        return o;
    }
}
