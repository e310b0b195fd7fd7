using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Deployments;

/// <summary>
/// The <c>pod-template-hash</c> label value: FNV-32a over a canonical JSON form of the template (object keys
/// sorted, the hash label itself left out) and the collision count, as a decimal string mapped to upstream's
/// safe alphabet. Stable across processes and across key order in what clients send.
/// </summary>
public static class PodTemplateHash
{
    public const string Label = "pod-template-hash";

    /// <summary>Upstream's alphabet for generated names: no vowels, no confusable characters.</summary>
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(PodTemplateSpec template, int? collisionCount)
    {
        var text = Canonical(template) + (collisionCount is { } c ? c.ToString(CultureInfo.InvariantCulture) : "");
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(d => Alphabet[d % Alphabet.Length]));
    }

    /// <summary>Whether two templates are the same apart from the hash label.</summary>
    public static bool SameTemplate(PodTemplateSpec? a, PodTemplateSpec? b) =>
        Canonical(a ?? new PodTemplateSpec()) == Canonical(b ?? new PodTemplateSpec());

    private static string Canonical(PodTemplateSpec template)
    {
        var node = KubernetesJson.SerializeToNode(template)!;
        if (node["metadata"]?["labels"] is JsonObject labels)
            labels.Remove(Label);
        return Sorted(node)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null && !(p.Value is JsonObject { Count: 0 }) && !(p.Value is JsonArray { Count: 0 }))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
