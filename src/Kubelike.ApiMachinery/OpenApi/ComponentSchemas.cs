using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// The <c>components.schemas</c> of one document, built from the model types as the paths reference them: each
/// referenced type once, with the types it references in turn. Property schemas carry what the model attributes
/// say (description, enum, required, patch strategy and merge key, list and map types) in upstream's v3 shape:
/// a reference with siblings is wrapped in <c>allOf</c>, list items and map values carry their Go zero value as
/// <c>default</c>.
/// </summary>
/// <param name="sharedKindGroupVersions">
/// The group-versions the option kinds every group registers (DeleteOptions, WatchEvent) are listed under.
/// </param>
internal sealed class ComponentSchemas(IReadOnlyList<(string Group, string Version)> sharedKindGroupVersions)
{
    private readonly Dictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);

    /// <summary>A reference to the component of a model type or primitive, adding it (and what it references) when new.</summary>
    public JsonObject Reference(Type type)
    {
        var name = SchemaNames.Of(type);
        Add(name, type);
        return SchemaNames.Reference(name);
    }

    /// <summary>A reference to a component that has no model class (RawExtension, FieldsV1, Patch).</summary>
    public JsonObject Reference(string name)
    {
        Add(name, type: null);
        return SchemaNames.Reference(name);
    }

    /// <summary>The schemas by name (in no particular order: the generator orders the whole document).</summary>
    public JsonObject ToJson() => new([.. _schemas.Select(pair => KeyValuePair.Create<string, JsonNode?>(pair.Key, pair.Value))]);

    private void Add(string name, Type? type)
    {
        if (_schemas.ContainsKey(name))
            return;
        if (PrimitiveSchemas.Find(name) is { } primitive)
        {
            _schemas[name] = primitive;
            return;
        }
        if (type is null)
            throw new ArgumentException($"no schema for {name}", nameof(name));
        // Registered before its properties are built, so that a type that refers back to itself ends the recursion.
        var schema = new JsonObject();
        _schemas[name] = schema;
        Build(schema, type);
    }

    private void Build(JsonObject schema, Type type)
    {
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } description)
            schema["description"] = description.Text;
        schema["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is not { } jsonName)
                continue;
            var isRequired = property.GetCustomAttribute<RequiredAttribute>() is not null;
            properties[jsonName] = Property(property, jsonName, isRequired);
            if (isRequired)
                required.Add(jsonName);
        }
        if (properties.Count > 0)
            schema["properties"] = properties;
        if (required.Count > 0)
            schema["required"] = required;
        if (Kinds(type) is { Count: > 0 } kinds)
            schema["x-kubernetes-group-version-kind"] = new JsonArray([.. kinds.Select(Kind)]);
        if (type.GetCustomAttribute<StructTypeAttribute>() is { } structType)
            schema["x-kubernetes-map-type"] = structType.Type;
    }

    /// <summary>The kinds a schema stands for: its own, or for the option kinds, every served group-version's.</summary>
    private List<GroupVersionKind> Kinds(Type type)
    {
        if (type.GetCustomAttribute<KubernetesKindAttribute>() is { } kind)
            return [new GroupVersionKind(kind.Group, kind.Version, kind.Kind)];
        if (type == typeof(Status) || type == typeof(APIResourceList))
            return [new GroupVersionKind("", "v1", type.Name)];
        if (type == typeof(DeleteOptions) || type == typeof(WatchEvent))
            return [.. sharedKindGroupVersions.Select(gv => new GroupVersionKind(gv.Group, gv.Version, type.Name))];
        return [];
    }

    public static JsonObject Kind(GroupVersionKind kind) => new()
    {
        ["group"] = kind.Group,
        ["kind"] = kind.Kind,
        ["version"] = kind.Version,
    };

    private JsonObject Property(PropertyInfo property, string jsonName, bool required)
    {
        var enumValues = property.GetCustomAttribute<EnumValuesAttribute>()?.Values;
        var schema = Value(property.PropertyType, jsonName, enumValues);
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description)
            schema["description"] = description.Text;
        // A required scalar is a plain (non-pointer) Go field: its zero value is the default upstream publishes.
        if (required && ZeroValue(property.PropertyType) is { } zero)
            schema["default"] = zero;
        // An object's metadata is a plain struct in every kind and list.
        if (property.PropertyType == typeof(ObjectMeta) || property.PropertyType == typeof(ListMeta))
            schema["default"] = new JsonObject();
        if (property.GetCustomAttribute<PatchStrategyAttribute>() is { } strategy)
            schema["x-kubernetes-patch-strategy"] = strategy.Strategy;
        if (property.GetCustomAttribute<PatchMergeKeyAttribute>() is { } mergeKey)
            schema["x-kubernetes-patch-merge-key"] = mergeKey.Key;
        if (property.GetCustomAttribute<ListTypeAttribute>() is { } listType)
            schema["x-kubernetes-list-type"] = listType.Type;
        if (property.GetCustomAttribute<ListMapKeysAttribute>() is { } mapKeys)
            schema["x-kubernetes-list-map-keys"] = new JsonArray([.. mapKeys.Keys.Select(key => (JsonNode)key)]);
        if (property.GetCustomAttribute<MapTypeAttribute>() is { } mapType)
            schema["x-kubernetes-map-type"] = mapType.Type;
        if (property.GetCustomAttribute<StructTypeAttribute>() is { } structType)
            schema["x-kubernetes-map-type"] = structType.Type;
        return WrapReference(schema);
    }

    /// <summary>The schema of a value: a scalar, an array, a map or a reference. <paramref name="jsonName"/> tells FieldsV1 from RawExtension.</summary>
    private JsonObject Value(Type type, string jsonName, IReadOnlyList<string>? enumValues)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(type) is { } scalar)
        {
            if (enumValues is { Count: > 0 })
                scalar["enum"] = new JsonArray([.. enumValues.Select(value => (JsonNode)value)]);
            return scalar;
        }
        if (typeof(JsonNode).IsAssignableFrom(type))
            return Reference(jsonName == "fieldsV1" ? SchemaNames.FieldsV1 : SchemaNames.RawExtension);
        if (CollectionTypes.MapValue(type) is { } mapValue)
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Item(mapValue, jsonName, enumValues: null) };
        if (CollectionTypes.ListElement(type) is { } element)
            return new JsonObject { ["type"] = "array", ["items"] = Item(element, jsonName, enumValues) };
        return Reference(type);
    }

    /// <summary>A list item or map value: a Go value rather than a pointer, so its zero value is its default.</summary>
    private JsonObject Item(Type type, string jsonName, IReadOnlyList<string>? enumValues)
    {
        var schema = Value(type, jsonName, enumValues);
        if (ZeroValue(type) is { } zero)
            schema["default"] = zero;
        else if (IsModelClass(type))
            schema["default"] = new JsonObject();
        return WrapReference(schema);
    }

    /// <summary>OpenAPI 3.0 ignores the siblings of <c>$ref</c>, so a reference with siblings moves into <c>allOf</c>.</summary>
    private static JsonObject WrapReference(JsonObject schema)
    {
        if (schema.Count == 1 || schema["$ref"] is not { } reference)
            return schema;
        schema.Remove("$ref");
        schema["allOf"] = new JsonArray(new JsonObject { ["$ref"] = reference.GetValue<string>() });
        return schema;
    }

    private static JsonObject? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => new JsonObject { ["type"] = "string" },
        _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
        _ when type == typeof(int) => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        _ when type == typeof(long) => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
        _ when type == typeof(double) => new JsonObject { ["type"] = "number", ["format"] = "double" },
        _ when type == typeof(byte[]) => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        _ => null,
    };

    private static JsonNode? ZeroValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "",
            _ when type == typeof(bool) => false,
            _ when type == typeof(int) || type == typeof(long) => 0,
            _ when type == typeof(double) => 0.0,
            _ => null,
        };
    }

    /// <summary>A model struct (not a primitive with a JSON form of its own, not a collection).</summary>
    private static bool IsModelClass(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsClass && type != typeof(string) && type != typeof(byte[]) && !typeof(JsonNode).IsAssignableFrom(type)
            && type != typeof(Quantity) && type != typeof(IntOrString)
            && CollectionTypes.ListElement(type) is null && CollectionTypes.MapValue(type) is null;
    }
}
