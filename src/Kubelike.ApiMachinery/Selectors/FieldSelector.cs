using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Selectors;

/// <summary>
/// A field selector (<c>metadata.name=web,status.phase!=Running</c>), parsed with upstream's escaping rules
/// (<c>\,</c> <c>\=</c> <c>\\</c> in values), checked against the fields a resource supports, and matched against
/// an object's JSON: a missing field reads as "", booleans and numbers as their string form, as upstream's
/// selectable field sets hold them.
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The terms, sorted as upstream sorts them.</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>Parses without checking field names; a malformed selector is a 400 with upstream's message.</summary>
    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return Everything;
        }
        var terms = SplitTerms(selector);
        terms.Sort(StringComparer.Ordinal);
        var requirements = new List<FieldRequirement>();
        foreach (var term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }
            var (lhs, op, rhs) = SplitTerm(term)
                ?? throw ApiException.BadRequest($"invalid selector: '{selector}'; can't understand '{term}'");
            requirements.Add(new FieldRequirement(lhs, op != "!=", UnescapeValue(rhs)));
        }
        return new FieldSelector(requirements);
    }

    /// <summary>
    /// Parses and checks the fields against what <paramref name="resource"/> supports, translating this version's
    /// field names to the stored object's (events.k8s.io "regarding.name" → "involvedObject.name").
    /// </summary>
    public static FieldSelector Parse(string? selector, ResourceDefinition resource) => Parse(selector).ForResource(resource);

    /// <summary>
    /// Checks each field against the resource's supported list, as kube-apiserver's field label conversion does:
    /// "field label not supported: x" for kinds with their own list, "\"x\" is not a known field selector: only
    /// \"metadata.name\", \"metadata.namespace\"" for the rest. Aliased labels are rewritten to the stored field.
    /// </summary>
    public FieldSelector ForResource(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var supported = resource.SupportedFieldSelectors;
        var result = new List<FieldRequirement>(Requirements.Count);
        foreach (var r in Requirements)
        {
            if (!supported.Contains(r.Field, StringComparer.Ordinal))
            {
                throw ApiException.BadRequest(resource.HasFieldLabelConversion
                    ? $"field label not supported: {r.Field}"
                    : $"{GoFormat.Quote(r.Field)} is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }
            result.Add(resource.FieldSelectorAliases.TryGetValue(r.Field, out var stored) ? r with { Field = stored } : r);
        }
        return new FieldSelector(result);
    }

    /// <summary>Whether every term holds for the object.</summary>
    public bool Matches(JsonNode? obj) => Requirements.All(r => (FieldValue(obj, r.Field) == r.Value) == r.Equal);

    /// <summary>The value an equality term demands of a field ("metadata.name=web" → "web"), or null: lets storage narrow a scan.</summary>
    public string? RequiresExactMatch(string field) =>
        Requirements.FirstOrDefault(r => r.Equal && r.Field == field)?.Value;

    /// <summary>
    /// A field's value as upstream's selectable field sets hold it: strings as-is, booleans "true"/"false", numbers in
    /// decimal, and "" for a missing field, null, or an object/array. Events' "source" is the source component.
    /// </summary>
    public static string FieldValue(JsonNode? obj, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var path = field == "source" ? "source.component" : field;
        var node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
            if (node is null)
            {
                return "";
            }
        }
        if (node is not JsonValue value)
        {
            return "";
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.ToJsonString(),
            _ => "",
        };
    }

    public override string ToString() => string.Join(",", Requirements);

    /// <summary>Escapes \ , = in a value so it survives a round trip through <see cref="Parse(string?)"/>.</summary>
    public static string EscapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);
    }

    /// <summary>Undoes <see cref="EscapeValue"/>; an unknown escape or a bare , or = is a 400 with upstream's message.</summary>
    public static string UnescapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\\', ',', '=') < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        var inSlash = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (inSlash)
            {
                if (rune.Value is '\\' or ',' or '=')
                {
                    sb.Append(rune.ToString());
                }
                else
                {
                    throw ApiException.BadRequest($"invalid field selector: invalid escape sequence: \\{rune}");
                }
                inSlash = false;
                continue;
            }
            switch (rune.Value)
            {
                case '\\':
                    inSlash = true;
                    break;
                case ',' or '=':
                    // Upstream prints the rune with %v, which is its code point number.
                    throw ApiException.BadRequest($"invalid field selector: unescaped character in value: {rune.Value}");
                default:
                    sb.Append(rune.ToString());
                    break;
            }
        }
        return inSlash ? throw ApiException.BadRequest("invalid field selector: invalid escape sequence: \\") : sb.ToString();
    }

    /// <summary>Splits on commas not escaped by a backslash.</summary>
    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>();
        var start = 0;
        var inSlash = false;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (inSlash)
            {
                inSlash = false;
            }
            else if (c == '\\')
            {
                inSlash = true;
            }
            else if (c == ',')
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }
        terms.Add(selector[start..]);
        return terms;
    }

    private static readonly string[] TermOperators = ["!=", "==", "="];

    /// <summary>Splits at the first operator, trying != then == then = at each position, as upstream does.</summary>
    private static (string Lhs, string Op, string Rhs)? SplitTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            foreach (var op in TermOperators)
            {
                if (term.AsSpan(i).StartsWith(op, StringComparison.Ordinal))
                {
                    return (term[..i], op, term[(i + op.Length)..]);
                }
            }
        }
        return null;
    }
}
