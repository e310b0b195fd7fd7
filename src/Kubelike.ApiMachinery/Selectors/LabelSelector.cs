using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Selectors;

/// <summary>
/// A label selector: an AND of requirements, sorted by key. Built from the query-string syntax
/// (<c>app=web,tier in (a,b),!canary</c>) or from a metav1.LabelSelector object (matchLabels, matchExpressions).
/// </summary>
public sealed class LabelSelector
{
    private readonly bool _nothing;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements, bool nothing = false)
    {
        Requirements = requirements;
        _nothing = nothing;
    }

    /// <summary>Matches every object (an empty selector string, or an empty metav1 selector).</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Matches no object (a null metav1 selector, as upstream's LabelSelectorAsSelector treats it).</summary>
    public static LabelSelector Nothing { get; } = new([], nothing: true);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector matches everything.</summary>
    public bool IsEmpty => !_nothing && Requirements.Count == 0;

    /// <summary>Parses the string syntax; a bad selector is a 400 BadRequest carrying upstream's message.</summary>
    public static LabelSelector Parse(string? selector) =>
        TryParse(selector, out var parsed, out var error) ? parsed : throw ApiException.BadRequest(error);

    public static bool TryParse(
        string? selector,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LabelSelector? parsed,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(selector))
        {
            (parsed, error) = (Everything, null);
            return true;
        }
        var requirements = LabelSelectorParser.Parse(selector, out error);
        if (requirements is null)
        {
            parsed = null;
            error ??= "unable to parse selector";
            return false;
        }
        parsed = new LabelSelector(Sorted(requirements));
        return true;
    }

    /// <summary>Equality on every label of <paramref name="labels"/> (upstream's SelectorFromSet, validated).</summary>
    public static LabelSelector FromSet(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new LabelSelector(Sorted(labels.Select(kv => LabelRequirement.Create(kv.Key, SelectorOperator.Equals, [kv.Value]))));
    }

    /// <summary>
    /// Converts a metav1.LabelSelector object (<c>{"matchLabels":{…},"matchExpressions":[{key,operator,values}]}</c>) as
    /// upstream's LabelSelectorAsSelector does: null matches nothing, empty matches everything, a bad operator or
    /// value is a 400.
    /// </summary>
    public static LabelSelector FromJson(JsonNode? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }
        if (selector is not JsonObject obj)
        {
            throw ApiException.BadRequest("a label selector must be an object");
        }
        var matchLabels = obj["matchLabels"] as JsonObject;
        var matchExpressions = obj["matchExpressions"] as JsonArray;
        if ((matchLabels is null || matchLabels.Count == 0) && (matchExpressions is null || matchExpressions.Count == 0))
        {
            return Everything;
        }
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in matchLabels ?? [])
        {
            requirements.Add(LabelRequirement.Create(key, SelectorOperator.Equals, [StringOf(value)]));
        }
        foreach (var expression in matchExpressions ?? [])
        {
            var key = StringOf(expression?["key"]);
            var op = StringOf(expression?["operator"]);
            var values = expression?["values"] is JsonArray array ? array.Select(StringOf).ToList() : [];
            var selectorOperator = op switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                _ => throw ApiException.BadRequest($"{GoFormat.Quote(op)} is not a valid label selector operator"),
            };
            requirements.Add(LabelRequirement.Create(key, selectorOperator, values));
        }
        return new LabelSelector(Sorted(requirements));
    }

    private static string StringOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static List<LabelRequirement> Sorted(IEnumerable<LabelRequirement> requirements) =>
        [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return !_nothing && Requirements.All(r => r.Matches(labels));
    }

    /// <summary>Matches an object's <c>metadata.labels</c>.</summary>
    public bool MatchesObject(JsonNode? obj) => Matches(LabelsOf(obj));

    /// <summary>The <c>metadata.labels</c> of an object as a dictionary (empty when absent).</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonNode? obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj?["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = StringOf(value);
            }
        }
        return labels;
    }

    /// <summary>The canonical string form: requirements by key, comma-separated (what a Scale's status.selector holds).</summary>
    public override string ToString() => string.Join(",", Requirements);
}
