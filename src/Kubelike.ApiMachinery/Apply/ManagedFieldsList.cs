using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// <c>metadata.managedFields</c> read into field sets per <see cref="ManagerKey"/>, and written back in upstream's
/// order: Apply entries before Update entries, then oldest first, then by manager, API version and subresource.
/// </summary>
public static class ManagedFieldsList
{
    /// <summary>True for <c>[]</c> or <c>[{}]</c>: the writer asks for managedFields to be reset.</summary>
    public static bool IsReset(JsonNode? managedFields) =>
        managedFields is JsonArray array && (array.Count == 0 || (array.Count == 1 && array[0] is JsonObject { Count: 0 }));

    /// <summary>Reads the entries; null with <paramref name="error"/> set when one is malformed (upstream's messages).</summary>
    public static Dictionary<ManagerKey, ManagedEntry>? TryDecode(JsonNode? managedFields, out string? error)
    {
        error = null;
        var result = new Dictionary<ManagerKey, ManagedEntry>();
        if (managedFields is null)
            return result;
        if (managedFields is not JsonArray array)
        {
            error = "managedFields must be a list";
            return null;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject entry)
            {
                error = $"managed fields entry {i} must be an object";
                return null;
            }
            var operation = Text(entry, "operation");
            if (operation is not (ManagerKey.Apply or ManagerKey.Update))
            {
                error = "operation must be `Apply` or `Update`";
                return null;
            }
            var apiVersion = Text(entry, "apiVersion") ?? "";
            if (apiVersion.Length == 0)
            {
                error = "apiVersion must not be empty";
                return null;
            }
            switch (Text(entry, "fieldsType") ?? "")
            {
                case "FieldsV1":
                    break;
                case "":
                    error = $"missing fieldsType in managed fields entry {i}";
                    return null;
                case var other:
                    error = $"invalid fieldsType \"{other}\" in managed fields entry {i}";
                    return null;
            }
            FieldSet fields;
            try
            {
                fields = FieldSet.FromJson(entry["fieldsV1"]);
            }
            catch (FormatException exception)
            {
                error = $"error decoding versioned set: error decoding set: {exception.Message}";
                return null;
            }
            DateTimeOffset? time = null;
            if (Text(entry, "time") is { Length: > 0 } timeText)
            {
                if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    error = $"invalid time in managed fields entry {i}";
                    return null;
                }
                time = parsed.ToUniversalTime();
            }
            var manager = Text(entry, "manager") ?? "";
            var key = new ManagerKey(manager, operation, operation == ManagerKey.Apply ? "" : apiVersion, Text(entry, "subresource") ?? "");
            result[key] = new ManagedEntry(fields, apiVersion, time);
        }
        return result;
    }

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The managedFields list for <paramref name="entries"/>, or null when there are none.</summary>
    public static JsonArray? Encode(IReadOnlyDictionary<ManagerKey, ManagedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
            return null;
        var ordered = entries
            .OrderBy(e => e.Key.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Value.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Key.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.Value.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Subresource, StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var (key, entry) in ordered)
        {
            var json = new JsonObject
            {
                ["manager"] = key.Manager,
                ["operation"] = key.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is { } time)
                json["time"] = ObjectMeta.FormatTime(time);
            json["fieldsType"] = "FieldsV1";
            json["fieldsV1"] = entry.Fields.ToJson();
            if (key.Subresource.Length > 0)
                json["subresource"] = key.Subresource;
            array.Add(json);
        }
        return array;
    }
}
