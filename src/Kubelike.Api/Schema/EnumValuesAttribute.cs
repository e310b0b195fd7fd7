namespace Kubelike.Api.Schema;

/// <summary>
/// The values the API defines for a string field (upstream <c>+enum</c> types); for a list, the values of its items.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class EnumValuesAttribute : Attribute
{
    public EnumValuesAttribute(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = [.. values];
    }

    public IReadOnlyList<string> Values { get; }
}
