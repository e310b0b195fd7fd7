using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// A timestamp with microsecond precision (<c>metav1.MicroTime</c>, used by Lease and events.k8s.io Event).
/// JSON: RFC 3339 in UTC with exactly six fractional digits (<c>2006-01-02T15:04:05.000000Z</c>); any fraction
/// length and any offset are accepted on input. The zero value is written as <c>null</c>. Protobuf: {1 seconds, 2 nanos}.
/// </summary>
[JsonConverter(typeof(MicroTimeJsonConverter))]
public readonly struct MicroTime : IEquatable<MicroTime>, IComparable<MicroTime>
{
    public MicroTime(DateTimeOffset value)
    {
        Value = value.ToUniversalTime();
    }

    /// <summary>The instant, in UTC.</summary>
    public DateTimeOffset Value { get; }

    /// <summary>Whether this is the zero time, which JSON writes as <c>null</c>.</summary>
    public bool IsZero => Value == default;

    public static MicroTime Now => new(DateTimeOffset.UtcNow);

    public static implicit operator MicroTime(DateTimeOffset value) => new(value);

    public static implicit operator DateTimeOffset(MicroTime value) => value.Value;

    public static bool operator ==(MicroTime left, MicroTime right) => left.Equals(right);

    public static bool operator !=(MicroTime left, MicroTime right) => !left.Equals(right);

    public static bool operator <(MicroTime left, MicroTime right) => left.CompareTo(right) < 0;

    public static bool operator <=(MicroTime left, MicroTime right) => left.CompareTo(right) <= 0;

    public static bool operator >(MicroTime left, MicroTime right) => left.CompareTo(right) > 0;

    public static bool operator >=(MicroTime left, MicroTime right) => left.CompareTo(right) >= 0;

    public static MicroTime FromDateTimeOffset(DateTimeOffset value) => new(value);

    public DateTimeOffset ToDateTimeOffset() => Value;

    /// <summary>Parses RFC 3339 with any fraction length.</summary>
    public static bool TryParse(string? s, out MicroTime value)
    {
        if (s is not null && Rfc3339.TryParse(s, out var parsed))
        {
            value = new MicroTime(parsed);
            return true;
        }

        value = default;
        return false;
    }

    public bool Equals(MicroTime other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is MicroTime other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(MicroTime other) => Value.CompareTo(other.Value);

    /// <summary>The JSON form: <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    public override string ToString() => Rfc3339.FormatMicro(Value);
}
