namespace Kubelike.Storage;

/// <summary>
/// Identifies one stored object. <see cref="Namespace"/> is empty for cluster-scoped resources.
/// Keys order by (resource, namespace, name) in byte order, which is the order lists return.
/// </summary>
public readonly record struct ObjectKey(string Resource, string Namespace, string Name)
{
    public override string ToString() =>
        Namespace.Length == 0 ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}
