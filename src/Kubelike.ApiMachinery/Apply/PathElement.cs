using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// One step of a field path (structured-merge-diff's PathElement): a field name, the key fields of a map-list
/// item (sorted by name), the value of a set-list item, or a list index. Serialized as FieldsV1 keys
/// (<c>f:</c>, <c>k:</c>, <c>v:</c>, <c>i:</c>) and printed in conflict messages (<c>.name</c>, <c>[name="c"]</c>).
/// </summary>
public sealed class PathElement : IComparable<PathElement>, IEquatable<PathElement>
{
    private PathElement(PathElementKind kind, string? name, IReadOnlyList<KeyValuePair<string, JsonNode?>>? key, JsonNode? value, int index)
    {
        Kind = kind;
        Name = name;
        KeyFields = key;
        Value = value;
        Position = index;
    }

    public PathElementKind Kind { get; }

    /// <summary>The field name of a <see cref="PathElementKind.Field"/> element.</summary>
    public string? Name { get; }

    /// <summary>The key fields of a <see cref="PathElementKind.Key"/> element, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? KeyFields { get; }

    /// <summary>The item value of a <see cref="PathElementKind.Value"/> element.</summary>
    public JsonNode? Value { get; }

    /// <summary>The index of an <see cref="PathElementKind.Index"/> element.</summary>
    public int Position { get; }

    public static PathElement Field(string name) => new(PathElementKind.Field, name, null, null, 0);

    public static PathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> fields) =>
        new(PathElementKind.Key, null, [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())).OrderBy(f => f.Key, StringComparer.Ordinal)], null, 0);

    public static PathElement ForValue(JsonNode? value) => new(PathElementKind.Value, null, null, value?.DeepClone(), 0);

    public static PathElement Index(int index) => new(PathElementKind.Index, null, null, null, index);

    public int CompareTo(PathElement? other)
    {
        if (other is null)
            return 1;
        if (Kind != other.Kind)
            return Kind.CompareTo(other.Kind);
        switch (Kind)
        {
            case PathElementKind.Field:
                return string.CompareOrdinal(Name, other.Name);
            case PathElementKind.Key:
                for (var i = 0; i < Math.Min(KeyFields!.Count, other.KeyFields!.Count); i++)
                {
                    var c = string.CompareOrdinal(KeyFields[i].Key, other.KeyFields[i].Key);
                    if (c == 0)
                        c = JsonOrder.Compare(KeyFields[i].Value, other.KeyFields[i].Value);
                    if (c != 0)
                        return c;
                }
                return KeyFields.Count.CompareTo(other.KeyFields.Count);
            case PathElementKind.Value:
                return JsonOrder.Compare(Value, other.Value);
            default:
                return Position.CompareTo(other.Position);
        }
    }

    public bool Equals(PathElement? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is PathElement other && Equals(other);

    public static bool operator ==(PathElement? left, PathElement? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PathElement? left, PathElement? right) => !(left == right);

    public static bool operator <(PathElement? left, PathElement? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator <=(PathElement? left, PathElement? right) => left is null || left.CompareTo(right) <= 0;

    public static bool operator >(PathElement? left, PathElement? right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator >=(PathElement? left, PathElement? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    public override int GetHashCode() => Kind switch
    {
        PathElementKind.Field => HashCode.Combine(Kind, Name),
        PathElementKind.Index => HashCode.Combine(Kind, Position),
        _ => HashCode.Combine(Kind, Serialize()),
    };

    /// <summary>The FieldsV1 key: <c>f:name</c>, <c>k:{"name":"c"}</c>, <c>v:"a"</c>, <c>i:0</c>.</summary>
    public string Serialize() => Kind switch
    {
        PathElementKind.Field => "f:" + Name,
        PathElementKind.Key => "k:" + JsonOrder.GoJson(new JsonObject(KeyFields!.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())))),
        PathElementKind.Value => "v:" + JsonOrder.GoJson(Value),
        _ => "i:" + Position.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Parses a FieldsV1 key. Null for an element type this version does not know (upstream drops those);
    /// a malformed key throws <see cref="FormatException"/>.
    /// </summary>
    public static PathElement? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[1] != ':')
            throw new FormatException($"missing colon: {text}");
        var body = text[2..];
        try
        {
            switch (text[0])
            {
                case 'f':
                    return Field(body);
                case 'v':
                    return ForValue(JsonNode.Parse(body));
                case 'k':
                    var obj = JsonNode.Parse(body) as JsonObject ?? throw new FormatException($"key must be an object: {text}");
                    return Key(obj.Select(p => KeyValuePair.Create(p.Key, p.Value)));
                case 'i':
                    return int.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
                        ? Index(index)
                        : throw new FormatException($"invalid index: {text}");
                default:
                    return null;
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"invalid path element {text}: {exception.Message}", exception);
        }
    }

    /// <summary>As structured-merge-diff prints it: <c>.name</c>, <c>[name="c"]</c>, <c>[="a"]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + Name,
        PathElementKind.Key => "[" + string.Join(",", KeyFields!.Select(f => $"{f.Key}={JsonOrder.Display(f.Value)}")) + "]",
        PathElementKind.Value => "[=" + JsonOrder.Display(Value) + "]",
        _ => "[" + Position.ToString(CultureInfo.InvariantCulture) + "]",
    };

    /// <summary>A whole path as structured-merge-diff prints it: <c>.spec.containers[name="c"].image</c>.</summary>
    public static string Format(IEnumerable<PathElement> path) => string.Concat(path.Select(e => e.ToString()));
}
