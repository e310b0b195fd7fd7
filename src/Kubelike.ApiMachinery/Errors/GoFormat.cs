using System.Collections;
using System.Globalization;
using System.Text;

namespace Kubelike.ApiMachinery.Errors;

/// <summary>Go's %v / %q / %#v renderings, which upstream messages embed.</summary>
internal static class GoFormat
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        double d => Float(d),
        float f => Float(f),
        IFormattable f and (int or long or short or uint or ulong or ushort or byte or sbyte or decimal) => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, string>> map => "map[string]string{"
            + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{Quote(kv.Key)}:{Quote(kv.Value)}")) + "}",
        IEnumerable<string> list => "[]string{" + string.Join(", ", list.Select(Quote)) + "}",
        IEnumerable list => "[]interface {}{" + string.Join(", ", list.Cast<object?>().Select(Value)) + "}",
        _ => value.ToString() ?? "",
    };

    private static string Float(double d) =>
        double.IsPositiveInfinity(d) ? "+Inf" : double.IsNegativeInfinity(d) ? "-Inf" : double.IsNaN(d) ? "NaN"
        : Math.Abs(d) is >= 1e21 or (< 1e-4 and > 0) ? d.ToString("0.################e+00", CultureInfo.InvariantCulture)
        : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>strconv.Quote: double quotes, backslash escapes for quotes, backslashes and control characters.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        sb.Append(rune.Value <= 0xffff ? "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture) : "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }
}
