using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// JSON values as structured-merge-diff orders and prints them: numbers before strings before booleans before
/// lists before maps before null; and Go's encoding/json text (sorted map keys, HTML-safe escapes), which the
/// <c>k:</c> and <c>v:</c> path elements of FieldsV1 carry.
/// </summary>
public static class JsonOrder
{
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var (rankA, rankB) = (Rank(a), Rank(b));
        if (rankA != rankB)
            return rankA.CompareTo(rankB);
        switch (rankA)
        {
            case 0:
                return CompareNumbers((JsonValue)a!, (JsonValue)b!);
            case 1:
                return string.CompareOrdinal(a!.GetValue<string>(), b!.GetValue<string>());
            case 2:
                return a!.GetValue<bool>().CompareTo(b!.GetValue<bool>());
            case 3:
                {
                    var (left, right) = ((JsonArray)a!, (JsonArray)b!);
                    for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                    {
                        var c = Compare(left[i], right[i]);
                        if (c != 0)
                            return c;
                    }
                    return left.Count.CompareTo(right.Count);
                }
            case 4:
                {
                    var left = ((JsonObject)a!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                    var right = ((JsonObject)b!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                    {
                        var c = string.CompareOrdinal(left[i].Key, right[i].Key);
                        if (c == 0)
                            c = Compare(left[i].Value, right[i].Value);
                        if (c != 0)
                            return c;
                    }
                    return left.Count.CompareTo(right.Count);
                }
            default:
                return 0;
        }
    }

    private static int Rank(JsonNode? node) => node switch
    {
        null => 5,
        JsonArray => 3,
        JsonObject => 4,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.Number => 0,
            JsonValueKind.String => 1,
            JsonValueKind.True or JsonValueKind.False => 2,
            _ => 5,
        },
    };

    private static int CompareNumbers(JsonValue a, JsonValue b)
    {
        if (a.TryGetValue<long>(out var x) && b.TryGetValue<long>(out var y))
            return x.CompareTo(y);
        return a.GetValue<double>().CompareTo(b.GetValue<double>());
    }

    /// <summary>The value as Go's json.Marshal writes it.</summary>
    public static string GoJson(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteGoJson(builder, node);
        return builder.ToString();
    }

    private static void WriteGoJson(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                        builder.Append(',');
                    first = false;
                    WriteGoString(builder, key);
                    builder.Append(':');
                    WriteGoJson(builder, value);
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        builder.Append(',');
                    WriteGoJson(builder, array[i]);
                }
                builder.Append(']');
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteGoString(builder, node.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    case JsonValueKind.Null:
                        builder.Append("null");
                        break;
                    default:
                        builder.Append(node.ToJsonString());
                        break;
                }
                break;
        }
    }

    private static void WriteGoString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    if (c < 0x20)
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }

    /// <summary>The value as structured-merge-diff prints it in a path (<c>value.ToString</c>): strings quoted Go-style.</summary>
    public static string Display(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(Display)) + "]",
        JsonObject obj => "{" + string.Join(";", obj.Select(p => $"{p.Key}={Display(p.Value)}")) + "}",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => GoFormat.Quote(node.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => node.ToJsonString(),
        },
    };
}
