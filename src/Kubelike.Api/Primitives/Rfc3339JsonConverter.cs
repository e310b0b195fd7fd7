using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// JSON for the RFC 3339 time types: a string in, any fraction length accepted, "" or null as the zero time;
/// out, the type's own format, and null for the zero time (as upstream writes an unset timestamp).
/// </summary>
public abstract class Rfc3339JsonConverter<T> : JsonConverter<T>
    where T : struct
{
    protected abstract bool TryParse(string text, out T value);

    protected abstract bool IsZero(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a time must be a JSON string in RFC 3339 form");
        }

        var s = reader.GetString()!;
        if (s.Length == 0)
        {
            return default;
        }

        return TryParse(s, out var value) ? value : throw new JsonException($"\"{s}\" is not an RFC 3339 time");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsZero(value))
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
