using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Server-side Table output (<c>kubectl get</c>). Every kind gets Name and Age for now, with the object as
/// PartialObjectMetadata (default), the full object, or none, as <c>includeObject</c> asks; kind-specific
/// columns as upstream prints them are still to come.
/// </summary>
internal static class TableWriter
{
    public static JsonObject Table(ResourceDefinition resource, IReadOnlyList<JsonObject> items, string version, string includeObject, DateTimeOffset now)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var metadata = ObjectJson.Metadata(item);
            var row = new JsonObject
            {
                ["cells"] = new JsonArray(ObjectJson.Name(item), Age(ObjectJson.GetString(metadata, "creationTimestamp"), now)),
            };
            switch (includeObject)
            {
                case "Object":
                    row["object"] = item.DeepClone();
                    break;
                case "Metadata":
                    row["object"] = new JsonObject
                    {
                        ["kind"] = "PartialObjectMetadata",
                        ["apiVersion"] = $"meta.k8s.io/{version}",
                        ["metadata"] = metadata.DeepClone(),
                    };
                    break;
            }
            rows.Add(row);
        }
        _ = resource;
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = $"meta.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["columnDefinitions"] = new JsonArray(
                Column("Name", "string", "name", "Name must be unique within a namespace."),
                Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.")),
            ["rows"] = rows,
        };
    }

    private static JsonObject Column(string name, string type, string format, string description) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = 0,
    };

    /// <summary>Kubernetes' short duration form: 45s, 5m, 3h, 2d, 1y.</summary>
    public static string Age(string? timestamp, DateTimeOffset now)
    {
        if (timestamp is null || !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            return "<unknown>";
        var age = now - created;
        if (age < TimeSpan.Zero)
            return "0s";
        return age.TotalSeconds < 120 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : age.TotalDays < 730 ? $"{(int)age.TotalDays}d"
            : $"{(int)(age.TotalDays / 365)}y";
    }
}
