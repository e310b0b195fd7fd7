using System.Text.Json.Nodes;
using Kubelike.Api.Primitives;

namespace Kubelike.ApiMachinery.Schema;

/// <summary>
/// The schema of one JSON value of a model: its shape, its CLR type, and for lists and maps the schema of the items.
/// </summary>
public sealed record ModelValue(ModelShape Shape, Type ClrType, ModelValue? Item)
{
    /// <summary>The fields of an <see cref="ModelShape.Struct"/> value, or null for every other shape.</summary>
    public ModelSchema? Fields => Shape == ModelShape.Struct ? ModelSchema.For(ClrType) : null;

    public static ModelValue Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
            return new ModelValue(ModelShape.Scalar, type, null);
        if (typeof(JsonNode).IsAssignableFrom(type))
            return new ModelValue(ModelShape.Raw, type, null);
        if (GenericArgument(type, typeof(IDictionary<,>), 1) is { } mapValue)
            return new ModelValue(ModelShape.Map, type, Of(mapValue));
        if ((GenericArgument(type, typeof(IList<>), 0) ?? GenericArgument(type, typeof(IReadOnlyList<>), 0)) is { } element)
            return new ModelValue(ModelShape.List, type, Of(element));
        return new ModelValue(ModelShape.Struct, type, null);
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(byte[])
        || type == typeof(Time) || type == typeof(MicroTime) || type == typeof(Quantity) || type == typeof(IntOrString)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime);

    private static Type? GenericArgument(Type type, Type openInterface, int index)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == openInterface)
            return type.GetGenericArguments()[index];
        var match = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
        return match?.GetGenericArguments()[index];
    }
}
