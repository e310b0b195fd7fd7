using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>JSON for <see cref="IntOrString"/>: a 32-bit integer number or a string.</summary>
public sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => IntOrString.FromString(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt32(out var i) => IntOrString.FromInt32(i),
            JsonTokenType.Number => throw new JsonException("an int-or-string number must be a 32-bit integer"),
            _ => throw new JsonException("an int-or-string must be a JSON number or string"),
        };
    }

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsInt)
        {
            writer.WriteNumberValue(value.IntValue);
        }
        else
        {
            writer.WriteStringValue(value.StringValue);
        }
    }
}
