using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubelike.Controllers.Runtime;

/// <summary>
/// Short stable hashes of JSON state for generated names and labels (pod-template-hash, ControllerRevision names):
/// FNV-32a over a canonical JSON form (object keys sorted, empty members left out) and the collision count, as a
/// decimal string mapped to upstream's safe alphabet. Stable across processes and across key order in what clients send.
/// </summary>
public static class ObjectHash
{
    /// <summary>Upstream's alphabet for generated names: no vowels, no confusable characters.</summary>
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(JsonNode? node, int? collisionCount)
    {
        var text = Canonical(node) + (collisionCount is { } c ? c.ToString(CultureInfo.InvariantCulture) : "");
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(d => Alphabet[d % Alphabet.Length]));
    }

    /// <summary>The canonical text of <paramref name="node"/>: equal for equal content whatever the key order.</summary>
    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

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
