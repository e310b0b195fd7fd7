using System.Globalization;
using System.Text;

namespace Kubelike.Node.Logs;

/// <summary>
/// One line of a container log file as the CRI writes it: <c>TIMESTAMP STREAM TAG CONTENT</c>, where TAG starts
/// with <c>P</c> for a partial line (the runtime split a long line) or <c>F</c> for a full one.
/// </summary>
internal readonly record struct CriLogLine(DateTimeOffset Timestamp, string RawTimestamp, string Stream, bool Partial, ReadOnlyMemory<byte> Content)
{
    /// <summary>Parses one line without its newline; false for a line that is not in the CRI format.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> line, out CriLogLine parsed)
    {
        parsed = default;
        var span = line.Span;
        var first = span.IndexOf((byte)' ');
        if (first <= 0)
            return false;
        var rest = span[(first + 1)..];
        var second = rest.IndexOf((byte)' ');
        if (second <= 0)
            return false;
        var afterStream = rest[(second + 1)..];
        var third = afterStream.IndexOf((byte)' ');
        // "F" with empty content may end the line without a trailing space.
        var tag = third < 0 ? afterStream : afterStream[..third];
        var raw = Encoding.ASCII.GetString(span[..first]);
        if (tag.Length == 0 || !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            return false;
        var contentStart = first + 1 + second + 1 + (third < 0 ? afterStream.Length : third + 1);
        parsed = new CriLogLine(timestamp, raw, Encoding.ASCII.GetString(rest[..second]), tag[0] == (byte)'P', line[contentStart..]);
        return true;
    }

    /// <summary>
    /// The timestamp as the kubelet prints it with <c>timestamps=true</c>: RFC 3339 in UTC with exactly nine
    /// fraction digits. Built from the file's text, which has the runtime's full nanosecond precision.
    /// </summary>
    public string FormattedTimestamp
    {
        get
        {
            var utc = Timestamp.UtcDateTime;
            var fraction = "";
            var dot = RawTimestamp.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0 && RawTimestamp.EndsWith('Z'))
                fraction = RawTimestamp[(dot + 1)..^1];
            else
                fraction = utc.ToString("fffffff", CultureInfo.InvariantCulture);
            fraction = fraction.Length >= 9 ? fraction[..9] : fraction.PadRight(9, '0');
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction + "Z";
        }
    }
}
