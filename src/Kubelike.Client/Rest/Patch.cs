using System.Text.Json.Nodes;

namespace Kubelike.Client.Rest;

/// <summary>A patch body and its format.</summary>
public sealed record Patch(PatchType Type, string Body)
{
    public string ContentType => Type switch
    {
        PatchType.Json => "application/json-patch+json",
        PatchType.Merge => "application/merge-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown patch type"),
    };

    public static Patch Merge(JsonNode body) => new(PatchType.Merge, Serialize(body));

    public static Patch StrategicMerge(JsonNode body) => new(PatchType.StrategicMerge, Serialize(body));

    /// <summary>RFC 6902 operations, e.g. <c>[{"op":"replace","path":"/data/a","value":"b"}]</c>.</summary>
    public static Patch Json(JsonArray operations) => new(PatchType.Json, Serialize(operations));

    private static string Serialize(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.ToJsonString();
    }
}
