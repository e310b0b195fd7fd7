using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// JSON for <see cref="Quantity"/>: written as its string; read from a string or, as upstream accepts, a JSON
/// number (<c>cpu: 2</c> in YAML).
/// </summary>
public sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text;
        if (reader.TokenType == JsonTokenType.String)
        {
            text = reader.GetString()!.Trim();
        }
        else if (reader.TokenType == JsonTokenType.Number)
        {
            text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
        }
        else
        {
            throw new JsonException("a quantity must be a JSON string or number");
        }

        return Quantity.TryParse(text, out var q) ? q : throw new JsonException($"unable to parse quantity \"{text}\": {Quantity.FormatError}");
    }

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
