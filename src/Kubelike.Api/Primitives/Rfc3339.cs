using System.Globalization;

namespace Kubelike.Api.Primitives;

/// <summary>RFC 3339 timestamps as Kubernetes reads and writes them.</summary>
internal static class Rfc3339
{
    /// <summary>
    /// Parses <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c>; the fraction may have any number of digits
    /// (digits past 100 ns are dropped). The result is in UTC.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20
            || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var pos = 19;
        long fractionTicks = 0;
        if (s[pos] == '.')
        {
            pos++;
            var start = pos;
            var scale = TimeSpan.TicksPerSecond;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                scale /= 10;
                fractionTicks += (s[pos] - '0') * scale;
                pos++;
            }

            if (pos == start)
            {
                return false;
            }
        }

        if (pos >= s.Length)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (s[pos] == 'Z' || s[pos] == 'z')
        {
            pos++;
        }
        else if (s[pos] == '+' || s[pos] == '-')
        {
            if (pos + 6 != s.Length || s[pos + 3] != ':'
                || !Digits(s, pos + 1, 2, out var offHours) || !Digits(s, pos + 4, 2, out var offMinutes)
                || offHours > 23 || offMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offHours, offMinutes, 0);
            if (s[pos] == '-')
            {
                offset = -offset;
            }

            pos += 6;
        }
        else
        {
            return false;
        }

        if (pos != s.Length || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month)
            || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Formats in UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c> (second precision, fraction dropped).</summary>
    public static string FormatSeconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats in UTC with exactly six fractional digits, <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    public static string FormatMicro(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
