using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> request bodies into the JSON tree the server handles.
/// client-go ≥ 0.32 typed clients (kubectl <c>create …</c>, Helm's release Secrets) write protobuf with no JSON
/// fallback, so the server must read it. The message schema is Kubelike's own model types; absent fields stay
/// absent (proto2 optional), unknown field numbers are skipped, and every malformed input is a 400 BadRequest.
/// </summary>
public static class ProtobufDecoder
{
    /// <summary>The "k8s\0" prefix of every Kubernetes protobuf body.</summary>
    private static ReadOnlySpan<byte> Magic => [0x6b, 0x38, 0x73, 0x00];

    /// <summary>Nesting limit for messages, so a hostile body cannot exhaust the stack.</summary>
    private const int MaxDepth = 100;

    // Go's zero time.Time in Unix seconds (0001-01-01T00:00:00Z): upstream writes it for an unset Time.
    private const long ZeroTimeSeconds = -62135596800;

    private const long MaxTimeSeconds = 253402300799;

    private static readonly JsonDocumentOptions RawJsonOptions = new() { MaxDepth = 256 };

    /// <summary>
    /// Decodes the whole body: the magic bytes and a <c>runtime.Unknown</c> {1 typeMeta {1 apiVersion, 2 kind},
    /// 2 raw, 3 contentEncoding, 4 contentType}. Returns the object with <c>apiVersion</c> and <c>kind</c> from the envelope.
    /// </summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            return DecodeEnvelope(body, depth: 0);
        }
        catch (ApiException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException or JsonException)
        {
            // A defensive net: the reader checks bounds itself, but the contract is BadRequest and nothing else.
            throw WireReader.Malformed(e.Message);
        }
    }

    private static JsonObject DecodeEnvelope(ReadOnlySpan<byte> body, int depth)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiException.BadRequest("the protobuf request body does not start with the Kubernetes magic prefix \"k8s\\x00\"");
        }

        string apiVersion = "", kind = "", contentEncoding = "";
        ReadOnlySpan<byte> raw = default;
        var reader = new WireReader(body[Magic.Length..]);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    var typeMeta = new WireReader(LengthDelimited(ref reader, wireType, "typeMeta"));
                    while (typeMeta.TryReadTag(out var metaNumber, out var metaWireType))
                    {
                        switch (metaNumber)
                        {
                            case 1:
                                apiVersion = ReadString(ref typeMeta, metaWireType, "apiVersion");
                                break;
                            case 2:
                                kind = ReadString(ref typeMeta, metaWireType, "kind");
                                break;
                            default:
                                typeMeta.Skip(metaWireType);
                                break;
                        }
                    }
                    break;
                case 2:
                    raw = LengthDelimited(ref reader, wireType, "raw");
                    break;
                case 3:
                    contentEncoding = ReadString(ref reader, wireType, "contentEncoding");
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (contentEncoding.Length > 0)
        {
            throw ApiException.BadRequest($"unsupported protobuf content encoding \"{contentEncoding}\"");
        }

        if (kind.Length == 0)
        {
            throw ApiException.BadRequest("Object 'Kind' is missing in the protobuf request body");
        }

        var modelType = FindModelType(apiVersion, kind);
        var result = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
        };
        DecodeMessage(raw, ProtoMessageSchema.For(modelType), result, depth + 1);
        return result;
    }

    private static Type FindModelType(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var type = version.Length == 0 || version.Contains('/', StringComparison.Ordinal)
            ? null
            // DeleteOptions is registered in every group-version upstream (clients send it in the resource's).
            : kind == nameof(Api.Meta.V1.DeleteOptions) && version == "v1" ? typeof(Api.Meta.V1.DeleteOptions)
            : ModelTypes.Find(new GroupVersionKind(group, version, kind));
        if (type is null || type.GetCustomAttribute<NoProtobufAttribute>() is not null)
        {
            throw ApiException.BadRequest($"no kind \"{kind}\" is registered for version \"{apiVersion}\" in protobuf");
        }

        return type;
    }

    private static void DecodeMessage(ReadOnlySpan<byte> data, ProtoMessageSchema schema, JsonObject target, int depth)
    {
        if (depth > MaxDepth)
        {
            throw WireReader.Malformed($"messages nested deeper than {MaxDepth}");
        }

        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (schema.EmbeddedBase is not null && number == schema.EmbeddedBaseNumber)
            {
                // A Go inline embedding: the base type's fields are a nested message here but inline in JSON.
                var embedded = LengthDelimited(ref reader, wireType, "embedded base");
                DecodeMessage(embedded, ProtoMessageSchema.For(schema.EmbeddedBase), target, depth + 1);
            }
            else if (schema.Fields.TryGetValue(number, out var field))
            {
                DecodeField(ref reader, wireType, field, target, depth);
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static void DecodeField(ref WireReader reader, WireType wireType, ProtoFieldSchema field, JsonObject target, int depth)
    {
        switch (field.Shape)
        {
            case ProtoFieldShape.List:
                var array = target[field.JsonName] as JsonArray;
                if (array is null)
                {
                    array = [];
                    target[field.JsonName] = array;
                }

                if (field.Wrapped)
                {
                    ReadWrappedList(LengthDelimited(ref reader, wireType, field.JsonName), field, array, depth + 1);
                }
                else
                {
                    ReadListElement(ref reader, wireType, field, array, depth);
                }
                break;
            case ProtoFieldShape.Map:
                var map = target[field.JsonName] as JsonObject;
                if (map is null)
                {
                    map = [];
                    target[field.JsonName] = map;
                }

                ReadMapEntry(LengthDelimited(ref reader, wireType, field.JsonName), field, map, depth + 1);
                break;
            default:
                if (field.Value.Kind == ProtoValueKind.Message && target[field.JsonName] is JsonObject existing)
                {
                    // A repeated occurrence of a singular message merges into the first, as protobuf parsers do.
                    var bytes = LengthDelimited(ref reader, wireType, field.JsonName);
                    DecodeMessage(bytes, ProtoMessageSchema.For(field.Value.MessageType!), existing, depth + 1);
                    break;
                }

                var value = ReadValue(ref reader, wireType, field.Value, field.JsonName, depth);
                if (value is null)
                {
                    target.Remove(field.JsonName);
                }
                else
                {
                    target[field.JsonName] = value;
                }
                break;
        }
    }

    /// <summary>One element of a repeated field, or a packed run of scalars (wire type 2 for a varint/fixed field).</summary>
    private static void ReadListElement(ref WireReader reader, WireType wireType, ProtoFieldSchema field, JsonArray array, int depth)
    {
        if (field.Value.IsPackable && wireType == WireType.LengthDelimited)
        {
            var packed = new WireReader(reader.ReadLengthDelimited());
            var elementWireType = field.Value.Kind == ProtoValueKind.Double ? WireType.Fixed64 : WireType.Varint;
            while (!packed.AtEnd)
            {
                array.Add(ReadValue(ref packed, elementWireType, field.Value, field.JsonName, depth));
            }

            return;
        }

        array.Add(ReadValue(ref reader, wireType, field.Value, field.JsonName, depth));
    }

    /// <summary>A <c>[ProtoWrappedList]</c> message: field 1 repeats the items; other fields are unknown.</summary>
    private static void ReadWrappedList(ReadOnlySpan<byte> data, ProtoFieldSchema field, JsonArray array, int depth)
    {
        if (depth > MaxDepth)
        {
            throw WireReader.Malformed($"messages nested deeper than {MaxDepth}");
        }

        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == 1)
            {
                ReadListElement(ref reader, wireType, field, array, depth);
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    /// <summary>A map entry message {1 key, 2 value}; a missing value is the value type's zero value.</summary>
    private static void ReadMapEntry(ReadOnlySpan<byte> data, ProtoFieldSchema field, JsonObject map, int depth)
    {
        if (depth > MaxDepth)
        {
            throw WireReader.Malformed($"messages nested deeper than {MaxDepth}");
        }

        var key = "";
        JsonNode? value = null;
        var hasValue = false;
        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    key = ReadString(ref reader, wireType, field.JsonName + " key");
                    break;
                case 2 when field.Wrapped:
                    var list = new JsonArray();
                    ReadWrappedList(LengthDelimited(ref reader, wireType, field.JsonName), field, list, depth + 1);
                    value = list;
                    hasValue = true;
                    break;
                case 2:
                    value = ReadValue(ref reader, wireType, field.Value, field.JsonName, depth);
                    hasValue = true;
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        map[key] = hasValue ? value : ZeroValue(field, depth);
    }

    private static JsonNode? ZeroValue(ProtoFieldSchema field, int depth)
    {
        if (field.Wrapped)
        {
            return new JsonArray();
        }

        var kind = field.Value.Kind;
        if (kind is ProtoValueKind.Bool or ProtoValueKind.Int32 or ProtoValueKind.Int64 or ProtoValueKind.Double)
        {
            var zero = new WireReader([0]);
            return ReadValue(ref zero, kind == ProtoValueKind.Double ? WireType.Fixed64 : WireType.Varint, field.Value, field.JsonName, depth);
        }

        return ReadLengthDelimitedValue([], field.Value, field.JsonName, depth);
    }

    private static JsonNode? ReadValue(ref WireReader reader, WireType wireType, ProtoValueSchema value, string name, int depth)
    {
        switch (value.Kind)
        {
            case ProtoValueKind.Bool:
                Expect(wireType, WireType.Varint, name);
                return JsonValue.Create(reader.ReadVarint() != 0);
            case ProtoValueKind.Int32:
                Expect(wireType, WireType.Varint, name);
                // int32 is sign-extended to 64 bits on the wire; the low 32 bits are the value.
                return JsonValue.Create(unchecked((int)reader.ReadVarint()));
            case ProtoValueKind.Int64:
                Expect(wireType, WireType.Varint, name);
                return JsonValue.Create(unchecked((long)reader.ReadVarint()));
            case ProtoValueKind.Double:
                Expect(wireType, WireType.Fixed64, name);
                var d = BitConverter.Int64BitsToDouble(unchecked((long)reader.ReadFixed64()));
                if (!double.IsFinite(d))
                {
                    throw WireReader.Malformed($"field {name} is not a finite number");
                }

                return JsonValue.Create(d);
            default:
                return ReadLengthDelimitedValue(LengthDelimited(ref reader, wireType, name), value, name, depth);
        }
    }

    private static JsonNode? ReadLengthDelimitedValue(ReadOnlySpan<byte> data, ProtoValueSchema value, string name, int depth)
    {
        switch (value.Kind)
        {
            case ProtoValueKind.String:
                return JsonValue.Create(Encoding.UTF8.GetString(data));
            case ProtoValueKind.Bytes:
                return JsonValue.Create(Convert.ToBase64String(data));
            case ProtoValueKind.Time:
                return ReadTimestamp(data, name, micro: false);
            case ProtoValueKind.MicroTime:
                return ReadTimestamp(data, name, micro: true);
            case ProtoValueKind.Quantity:
                return JsonValue.Create(ReadStringField1(data, name));
            case ProtoValueKind.IntOrString:
                return ReadIntOrString(data, name);
            case ProtoValueKind.Raw:
                return ReadRaw(data, name, depth);
            case ProtoValueKind.Message:
                var obj = new JsonObject();
                DecodeMessage(data, ProtoMessageSchema.For(value.MessageType!), obj, depth + 1);
                return obj;
            default:
                throw WireReader.Malformed($"field {name} has an unexpected wire type");
        }
    }

    /// <summary>
    /// <c>meta.v1.Time</c>/<c>MicroTime</c> {1 seconds, 2 nanos}. Empty or Go's zero time is null (omitted), as the
    /// JSON form writes an unset time. Time keeps whole seconds (upstream drops nanos); MicroTime keeps microseconds.
    /// </summary>
    private static JsonValue? ReadTimestamp(ReadOnlySpan<byte> data, string name, bool micro)
    {
        long seconds = 0, nanos = 0;
        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    Expect(wireType, WireType.Varint, name);
                    seconds = unchecked((long)reader.ReadVarint());
                    break;
                case 2:
                    Expect(wireType, WireType.Varint, name);
                    nanos = unchecked((int)reader.ReadVarint());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (data.IsEmpty || (seconds == ZeroTimeSeconds && nanos == 0))
        {
            return null;
        }

        if (seconds < ZeroTimeSeconds || seconds > MaxTimeSeconds || nanos is < 0 or > 999_999_999)
        {
            throw WireReader.Malformed($"field {name} is not a representable time");
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return micro
            ? JsonValue.Create(instant.AddTicks(nanos / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
            : JsonValue.Create(instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary><c>IntOrString</c> {1 type (0 int, 1 string), 2 intVal, 3 strVal} → a JSON number or string.</summary>
    private static JsonValue ReadIntOrString(ReadOnlySpan<byte> data, string name)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = "";
        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    Expect(wireType, WireType.Varint, name);
                    type = unchecked((long)reader.ReadVarint());
                    break;
                case 2:
                    Expect(wireType, WireType.Varint, name);
                    intValue = unchecked((int)reader.ReadVarint());
                    break;
                case 3:
                    stringValue = ReadString(ref reader, wireType, name);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return type switch
        {
            0 => JsonValue.Create(intValue),
            1 => JsonValue.Create(stringValue),
            _ => throw WireReader.Malformed($"field {name} has an unknown IntOrString type {type}"),
        };
    }

    /// <summary>
    /// <c>RawExtension</c>/<c>FieldsV1</c> {1 raw bytes}: JSON, or a nested protobuf object with the magic prefix.
    /// Empty raw is null, as upstream writes an empty RawExtension.
    /// </summary>
    private static JsonNode? ReadRaw(ReadOnlySpan<byte> data, string name, int depth)
    {
        ReadOnlySpan<byte> raw = default;
        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == 1)
            {
                raw = LengthDelimited(ref reader, wireType, name);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        if (raw.IsEmpty)
        {
            return null;
        }

        if (raw.StartsWith(Magic))
        {
            if (depth + 1 > MaxDepth)
            {
                throw WireReader.Malformed($"messages nested deeper than {MaxDepth}");
            }

            return DecodeEnvelope(raw, depth + 1);
        }

        try
        {
            var reader2 = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = RawJsonOptions.MaxDepth });
            return JsonNode.Parse(ref reader2);
        }
        catch (JsonException e)
        {
            throw WireReader.Malformed($"field {name} does not hold JSON: {e.Message}");
        }
    }

    private static string ReadStringField1(ReadOnlySpan<byte> data, string name)
    {
        var result = "";
        var reader = new WireReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == 1)
            {
                result = ReadString(ref reader, wireType, name);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return result;
    }

    private static string ReadString(scoped ref WireReader reader, WireType wireType, string name) =>
        Encoding.UTF8.GetString(LengthDelimited(ref reader, wireType, name));

    private static ReadOnlySpan<byte> LengthDelimited(scoped ref WireReader reader, WireType wireType, string name)
    {
        Expect(wireType, WireType.LengthDelimited, name);
        return reader.ReadLengthDelimited();
    }

    private static void Expect(WireType actual, WireType expected, string name)
    {
        if (actual != expected)
        {
            throw WireReader.Malformed($"field {name} has wire type {(int)actual}, expected {(int)expected}");
        }
    }
}
