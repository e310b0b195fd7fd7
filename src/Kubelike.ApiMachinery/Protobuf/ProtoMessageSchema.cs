using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>
/// The protobuf message of a Kubelike.Api model type, read once by reflection from its <c>[ProtoField]</c>,
/// <c>[JsonPropertyName]</c>, <c>[ProtoEmbeddedBase]</c> and <c>[ProtoWrappedList]</c> attributes and cached.
/// </summary>
internal sealed class ProtoMessageSchema
{
    private static readonly ConcurrentDictionary<Type, ProtoMessageSchema> Cache = new();

    private ProtoMessageSchema(Dictionary<int, ProtoFieldSchema> fields, int embeddedBaseNumber, Type? embeddedBase)
    {
        Fields = fields;
        EmbeddedBaseNumber = embeddedBaseNumber;
        EmbeddedBase = embeddedBase;
    }

    public IReadOnlyDictionary<int, ProtoFieldSchema> Fields { get; }

    /// <summary>The field number of the nested message that holds the base type's fields, or 0.</summary>
    public int EmbeddedBaseNumber { get; }

    /// <summary>The Go inline-embedded base type whose fields are inline in JSON but nested in protobuf.</summary>
    public Type? EmbeddedBase { get; }

    public static ProtoMessageSchema For(Type type) => Cache.GetOrAdd(type, Build);

    private static ProtoMessageSchema Build(Type type)
    {
        var embedded = type.GetCustomAttribute<ProtoEmbeddedBaseAttribute>();
        // Without [ProtoEmbeddedBase], inherited properties are ordinary fields of this message.
        var flags = BindingFlags.Public | BindingFlags.Instance | (embedded is null ? 0 : BindingFlags.DeclaredOnly);
        var fields = new Dictionary<int, ProtoFieldSchema>();
        foreach (var property in type.GetProperties(flags))
        {
            var number = property.GetCustomAttribute<ProtoFieldAttribute>()?.Number;
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (number is null || jsonName is null)
            {
                continue;
            }

            var wrapped = property.GetCustomAttribute<ProtoWrappedListAttribute>() is not null;
            fields[number.Value] = Field(jsonName, property.PropertyType, wrapped);
        }

        return new ProtoMessageSchema(fields, embedded?.Number ?? 0, embedded is null ? null : type.BaseType);
    }

    private static ProtoFieldSchema Field(string jsonName, Type type, bool wrapped)
    {
        if (CollectionTypes.MapValue(type) is { } mapValue)
        {
            // A wrapped map value is a list (e.g. UserInfo.extra: map<string, ExtraValue{1 repeated string}>).
            var valueType = wrapped ? CollectionTypes.ListElement(mapValue) ?? mapValue : mapValue;
            return new ProtoFieldSchema(jsonName, ProtoFieldShape.Map, Value(valueType), wrapped);
        }

        if (CollectionTypes.ListElement(type) is { } element)
        {
            return new ProtoFieldSchema(jsonName, ProtoFieldShape.List, Value(element), wrapped);
        }

        return new ProtoFieldSchema(jsonName, ProtoFieldShape.Single, Value(type), Wrapped: false);
    }

    private static ProtoValueSchema Value(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = type switch
        {
            _ when type == typeof(string) || type.IsEnum => ProtoValueKind.String,
            _ when type == typeof(bool) => ProtoValueKind.Bool,
            _ when type == typeof(int) => ProtoValueKind.Int32,
            _ when type == typeof(long) => ProtoValueKind.Int64,
            _ when type == typeof(double) => ProtoValueKind.Double,
            _ when type == typeof(byte[]) => ProtoValueKind.Bytes,
            _ when type == typeof(Time) => ProtoValueKind.Time,
            _ when type == typeof(MicroTime) => ProtoValueKind.MicroTime,
            _ when type == typeof(Quantity) => ProtoValueKind.Quantity,
            _ when type == typeof(IntOrString) => ProtoValueKind.IntOrString,
            _ when typeof(JsonNode).IsAssignableFrom(type) => ProtoValueKind.Raw,
            _ => ProtoValueKind.Message,
        };
        return new ProtoValueSchema(kind, kind == ProtoValueKind.Message ? type : null);
    }
}
