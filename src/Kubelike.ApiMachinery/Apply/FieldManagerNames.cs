using System.Globalization;
using System.Text;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>The <c>fieldManager</c> of a write: its limits, and upstream's default taken from the User-Agent.</summary>
public static class FieldManagerNames
{
    public const int MaxLength = 128;

    /// <summary>
    /// Upstream's default manager for a write without <c>fieldManager</c>: the User-Agent up to its first '/'
    /// (<c>kubectl/v1.32.4 (linux/amd64) …</c> → <c>kubectl</c>), without unprintable characters, cut at 128 bytes.
    /// </summary>
    public static string FromUserAgent(string? userAgent)
    {
        var prefix = (userAgent ?? "").Split('/')[0];
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in prefix.EnumerateRunes())
        {
            if (!IsPrintable(rune))
                continue;
            if (bytes + rune.Utf8SequenceLength > MaxLength)
                break;
            bytes += rune.Utf8SequenceLength;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>Upstream's ValidateFieldManager: at most 128 bytes, printable characters only.</summary>
    public static List<FieldError> Validate(string fieldManager, string field = "fieldManager")
    {
        ArgumentNullException.ThrowIfNull(fieldManager);
        var errors = new List<FieldError>();
        if (Encoding.UTF8.GetByteCount(fieldManager) > MaxLength)
            errors.Add(FieldError.TooLong(field, MaxLength));
        var index = 0;
        foreach (var rune in fieldManager.EnumerateRunes())
        {
            if (!IsPrintable(rune))
                errors.Add(FieldError.Invalid($"{field}[{index}]", fieldManager, "all characters must be printable"));
            index += rune.Utf8SequenceLength;
        }
        return errors;
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
