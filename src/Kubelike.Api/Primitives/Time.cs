using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// A timestamp (<c>metav1.Time</c>). JSON: RFC 3339 in UTC with second precision (<c>2006-01-02T15:04:05Z</c>);
/// any fraction length and any offset are accepted on input. The zero value (<c>default</c>) stands for Go's zero
/// time and is written as <c>null</c>, as upstream does. Protobuf: {1 seconds, 2 nanos}.
/// </summary>
[JsonConverter(typeof(TimeJsonConverter))]
public readonly struct Time : IEquatable<Time>, IComparable<Time>
{
    public Time(DateTimeOffset value)
    {
        Value = value.ToUniversalTime();
    }

    /// <summary>The instant, in UTC.</summary>
    public DateTimeOffset Value { get; }

    /// <summary>Whether this is the zero time (Go's <c>time.Time{}</c>), which JSON writes as <c>null</c>.</summary>
    public bool IsZero => Value == default;

    public static Time Now => new(DateTimeOffset.UtcNow);

    public static implicit operator Time(DateTimeOffset value) => new(value);

    public static implicit operator DateTimeOffset(Time value) => value.Value;

    public static bool operator ==(Time left, Time right) => left.Equals(right);

    public static bool operator !=(Time left, Time right) => !left.Equals(right);

    public static bool operator <(Time left, Time right) => left.CompareTo(right) < 0;

    public static bool operator <=(Time left, Time right) => left.CompareTo(right) <= 0;

    public static bool operator >(Time left, Time right) => left.CompareTo(right) > 0;

    public static bool operator >=(Time left, Time right) => left.CompareTo(right) >= 0;

    public static Time FromDateTimeOffset(DateTimeOffset value) => new(value);

    public DateTimeOffset ToDateTimeOffset() => Value;

    /// <summary>Parses RFC 3339 with any fraction length.</summary>
    public static bool TryParse(string? s, out Time value)
    {
        if (s is not null && Rfc3339.TryParse(s, out var parsed))
        {
            value = new Time(parsed);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The same instant without its fraction of a second, as the JSON form keeps it.</summary>
    public Time TruncateToSeconds() => new(Value.AddTicks(-(Value.Ticks % TimeSpan.TicksPerSecond)));

    public bool Equals(Time other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is Time other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(Time other) => Value.CompareTo(other.Value);

    /// <summary>The JSON form: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public override string ToString() => Rfc3339.FormatSeconds(Value);
}
