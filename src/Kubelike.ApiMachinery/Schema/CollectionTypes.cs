namespace Kubelike.ApiMachinery.Schema;

/// <summary>
/// The shape of a model property's type: a map (<c>IDictionary&lt;string, V&gt;</c>) or a list (<c>IList&lt;E&gt;</c>),
/// and what it holds. Strings and byte arrays are scalars, not lists.
/// </summary>
internal static class CollectionTypes
{
    /// <summary>The value type of a map, or null.</summary>
    public static Type? MapValue(Type type) => IsScalar(type) ? null : GenericArgument(type, typeof(IDictionary<,>), 1);

    /// <summary>The element type of a list, or null.</summary>
    public static Type? ListElement(Type type) => IsScalar(type) ? null : GenericArgument(type, typeof(IList<>), 0);

    private static bool IsScalar(Type type) => type == typeof(string) || type == typeof(byte[]);

    private static Type? GenericArgument(Type type, Type openInterface, int index)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == openInterface)
            return type.GetGenericArguments()[index];
        var match = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
        return match?.GetGenericArguments()[index];
    }
}
