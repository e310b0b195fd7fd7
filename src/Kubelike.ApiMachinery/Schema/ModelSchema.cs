using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.ApiMachinery.Schema;

/// <summary>
/// The JSON fields of a Kubelike.Api model type by name, read once by reflection from its <c>[JsonPropertyName]</c>
/// and schema attributes and cached. Inherited fields count (a Go inline embedding, e.g. <c>Volume : VolumeSource</c>).
/// </summary>
public sealed class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, ModelSchema> Cache = new();

    private readonly Dictionary<string, ModelField> _fields;

    private ModelSchema(Type type, Dictionary<string, ModelField> fields)
    {
        Type = type;
        _fields = fields;
    }

    public Type Type { get; }

    public IReadOnlyDictionary<string, ModelField> Fields => _fields;

    public static ModelSchema For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, Build);
    }

    /// <summary>The field named <paramref name="jsonName"/>, or null when the type has none.</summary>
    public ModelField? Find(string jsonName) => _fields.GetValueOrDefault(jsonName);

    /// <summary>
    /// Walks <paramref name="root"/> along a dotted JSON path (<c>spec.template.spec.containers</c>); list and map
    /// fields are stepped through to their items. Null when a step names no field.
    /// </summary>
    public static ModelField? Walk(Type root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var schema = For(root);
        ModelField? field = null;
        foreach (var name in path.Split('.'))
        {
            if (schema is null)
                return null;
            field = schema.Find(name);
            if (field is null)
                return null;
            var value = field.Value;
            while (value.Item is not null)
                value = value.Item;
            schema = value.Fields;
        }
        return field;
    }

    private static ModelSchema Build(Type type)
    {
        var fields = new Dictionary<string, ModelField>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is not { } name || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
                continue;
            fields[name] = new ModelField(name, ModelValue.Of(property.PropertyType))
            {
                PatchStrategy = property.GetCustomAttribute<PatchStrategyAttribute>()?.Strategy is { Length: > 0 } strategy ? strategy : null,
                PatchMergeKey = property.GetCustomAttribute<PatchMergeKeyAttribute>()?.Key,
                ListType = property.GetCustomAttribute<ListTypeAttribute>()?.Type,
                ListMapKeys = property.GetCustomAttribute<ListMapKeysAttribute>()?.Keys ?? [],
                MapType = property.GetCustomAttribute<MapTypeAttribute>()?.Type ?? property.GetCustomAttribute<StructTypeAttribute>()?.Type,
            };
        }
        return new ModelSchema(type, fields);
    }
}
