using System.Reflection;
using System.Text.Json.Nodes;
using Kubelike.Api.Schema;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// The server-side-apply schema of a value, read from the Kubelike.Api model attributes: list types and keys
/// (<c>ListType</c>, <c>ListMapKeys</c>; without them a list with a <c>PatchMergeKey</c> is a map list, a merged
/// scalar list a set, anything else atomic), map and struct types (<c>MapType</c>, <c>StructType</c>).
/// </summary>
public sealed class ApplyType
{
    // Key fields that upstream's schema defaults, so items that omit them still have a whole key.
    private static readonly Dictionary<string, JsonNode> KeyDefaults = new(StringComparer.Ordinal) { ["protocol"] = "TCP" };

    private readonly ModelSchema? _fields;
    private readonly ModelValue? _item;

    private ApplyType(ApplyKind kind, bool atomic = false, ListKind list = ListKind.Atomic, IReadOnlyList<string>? keys = null, ModelSchema? fields = null, ModelValue? item = null)
    {
        Kind = kind;
        Atomic = atomic;
        ListKind = list;
        Keys = keys ?? [];
        _fields = fields;
        _item = item;
    }

    public static ApplyType Deduced { get; } = new(ApplyKind.Deduced);

    private static ApplyType Scalar { get; } = new(ApplyKind.Scalar);

    public ApplyKind Kind { get; }

    /// <summary>A struct or map that is replaced and owned as a whole.</summary>
    public bool Atomic { get; }

    public ListKind ListKind { get; }

    /// <summary>The key fields of a map list.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The schema of a kind's model type; <see cref="Deduced"/> when the kind has none.</summary>
    public static ApplyType ForModel(Type? model) => model is null ? Deduced : Of(ModelValue.Of(model), null);

    private static ApplyType Of(ModelValue value, ModelField? field)
    {
        switch (value.Shape)
        {
            case ModelShape.Scalar:
                return Scalar;
            case ModelShape.Raw:
                return Deduced;
            case ModelShape.Map:
                return new ApplyType(ApplyKind.Map, atomic: field?.MapType == "atomic", item: value.Item);
            case ModelShape.List:
                var itemIsScalar = value.Item!.Shape == ModelShape.Scalar;
                var (list, keys) = field?.ListType switch
                {
                    "map" => (ListKind.Map, field.ListMapKeys.Count > 0 ? field.ListMapKeys : field.PatchMergeKey is { } k ? [k] : []),
                    "set" => (ListKind.Set, []),
                    "atomic" => (ListKind.Atomic, []),
                    _ when field?.PatchMergeKey is { } key => (ListKind.Map, [key]),
                    _ when itemIsScalar && field?.PatchStrategies.Contains("merge") == true => (ListKind.Set, (IReadOnlyList<string>)[]),
                    _ => (ListKind.Atomic, []),
                };
                if (list == ListKind.Map && keys.Count == 0)
                    list = ListKind.Atomic;
                return new ApplyType(ApplyKind.List, list: list, keys: keys, item: value.Item);
            default:
                var structType = field?.MapType ?? value.ClrType.GetCustomAttribute<StructTypeAttribute>()?.Type;
                return new ApplyType(ApplyKind.Struct, atomic: structType == "atomic", fields: value.Fields);
        }
    }

    /// <summary>Whether <paramref name="name"/> is a declared field of this struct (its ownership is implied by its children).</summary>
    public bool Declares(string name) => Kind == ApplyKind.Struct && _fields!.Find(name) is not null;

    /// <summary>The type of the field or map entry <paramref name="name"/>; undeclared struct fields are deduced.</summary>
    public ApplyType Field(string name) => Kind switch
    {
        ApplyKind.Struct => _fields!.Find(name) is { } field ? Of(field.Value, field) : Deduced,
        ApplyKind.Map => Of(_item!, null),
        _ => Deduced,
    };

    /// <summary>The type of the items of a list.</summary>
    public ApplyType Item => _item is null ? Deduced : Of(_item, null);

    /// <summary>Whether the value is owned and replaced whole at this level (not walked into).</summary>
    public bool IsLeaf(JsonNode? value) => Kind switch
    {
        ApplyKind.Scalar => true,
        ApplyKind.List => ListKind == ListKind.Atomic,
        ApplyKind.Deduced => value is not JsonObject,
        _ => Atomic,
    };

    /// <summary>The path element that names <paramref name="item"/> at <paramref name="index"/> in this list.</summary>
    public PathElement ItemElement(JsonNode? item, int index)
    {
        if (ListKind == ListKind.Set)
            return PathElement.ForValue(item);
        if (ListKind == ListKind.Map && item is JsonObject obj)
        {
            var fields = new List<KeyValuePair<string, JsonNode?>>();
            foreach (var key in Keys)
            {
                if (obj[key] is { } value)
                    fields.Add(KeyValuePair.Create(key, (JsonNode?)value));
                else if (KeyDefaults.TryGetValue(key, out var fallback))
                    fields.Add(KeyValuePair.Create(key, (JsonNode?)fallback));
            }
            if (fields.Count > 0)
                return PathElement.Key(fields);
        }
        return PathElement.Index(index);
    }
}
