using System.Text;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Conversion;

/// <summary>
/// Write-only fields that upstream folds into the stored form when it converts a request: a Secret's
/// <c>stringData</c> is merged into <c>data</c> (base64, winning over the same key) and never stored or returned.
/// </summary>
public static class WriteConversions
{
    public static void Apply(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        if (resource.Group.Length == 0 && resource.Kind == "Secret" && obj["stringData"] is JsonObject stringData)
        {
            var data = obj["data"] as JsonObject ?? [];
            foreach (var (key, value) in stringData)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }
            obj["data"] = data;
            obj.Remove("stringData");
        }
    }
}
