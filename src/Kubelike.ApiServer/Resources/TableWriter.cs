using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Tables;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Server-side Table output (<c>kubectl get</c>): the kind's columns and cells from <see cref="TableConverter"/>,
/// with the object as PartialObjectMetadata (default), the full object, or none, as <c>includeObject</c> asks.
/// </summary>
internal static class TableWriter
{
    public static JsonObject Table(ResourceDefinition resource, IReadOnlyList<JsonObject> items, string version, string includeObject, DateTimeOffset now)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { ["cells"] = TableConverter.Cells(resource, item, now) };
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
                        ["metadata"] = ObjectJson.Metadata(item).DeepClone(),
                    };
                    break;
            }
            rows.Add(row);
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = $"meta.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["columnDefinitions"] = new JsonArray([.. TableConverter.Columns(resource).Select(column => (JsonNode)new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            })]),
            ["rows"] = rows,
        };
    }
}
