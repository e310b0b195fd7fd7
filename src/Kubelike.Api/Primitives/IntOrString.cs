using System.Globalization;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// A value that is either a 32-bit integer or a string (<c>intstr.IntOrString</c>), e.g. a Service's
/// <c>targetPort</c> (<c>8080</c> or <c>"http"</c>) or a rolling update's <c>maxSurge</c> (<c>1</c> or <c>"25%"</c>).
/// JSON: a number or a string. Protobuf: {1 type (0 int, 1 string), 2 intVal, 3 strVal}.
/// </summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public sealed class IntOrString : IEquatable<IntOrString>
{
    private IntOrString(int intValue, string? stringValue)
    {
        IntValue = intValue;
        StringValue = stringValue;
    }

    public bool IsInt => StringValue is null;

    /// <summary>The integer; 0 when this holds a string.</summary>
    public int IntValue { get; }

    /// <summary>The string; null when this holds an integer.</summary>
    public string? StringValue { get; }

    public static implicit operator IntOrString(int value) => FromInt32(value);

    public static implicit operator IntOrString(string value) => FromString(value);

    public static bool operator ==(IntOrString? left, IntOrString? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(IntOrString? left, IntOrString? right) => !(left == right);

    public static IntOrString FromInt32(int value) => new(value, null);

    public static IntOrString FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new IntOrString(0, value);
    }

    /// <summary>
    /// Resolves an integer or a percentage (<c>"25%"</c>) of <paramref name="total"/>, rounding up or down
    /// (upstream <c>GetScaledValueFromIntOrPercent</c>). False for a string that is not a percentage.
    /// </summary>
    public bool TryGetScaledValue(int total, bool roundUp, out int value)
    {
        value = 0;
        if (IsInt)
        {
            value = IntValue;
            return true;
        }

        var s = StringValue!;
        if (!s.EndsWith('%')
            || !int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            return false;
        }

        var scaled = (long)percent * total;
        value = (int)(roundUp ? Math.Ceiling(scaled / 100.0) : Math.Floor(scaled / 100.0));
        return true;
    }

    public bool Equals(IntOrString? other) =>
        other is not null && IntValue == other.IntValue && string.Equals(StringValue, other.StringValue, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IntValue, StringValue);

    public override string ToString() => StringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);
}
