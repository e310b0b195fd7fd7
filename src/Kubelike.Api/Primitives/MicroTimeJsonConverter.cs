using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>JSON for <see cref="MicroTime"/>: RFC 3339 with six fractional digits out; any fraction in; "" is the zero time.</summary>
public sealed class MicroTimeJsonConverter : JsonConverter<MicroTime>
{
    public override MicroTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
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

        return MicroTime.TryParse(s, out var value) ? value : throw new JsonException($"\"{s}\" is not an RFC 3339 time");
    }

    public override void Write(Utf8JsonWriter writer, MicroTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsZero)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
