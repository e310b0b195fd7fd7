namespace Kubelike.Api.Schema;

/// <summary>The keys of a <c>map</c> list (<c>x-kubernetes-list-map-keys</c>), in order.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ListMapKeysAttribute : Attribute
{
    public ListMapKeysAttribute(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
    }

    public IReadOnlyList<string> Keys { get; }
}
