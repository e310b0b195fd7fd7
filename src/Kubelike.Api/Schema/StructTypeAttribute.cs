namespace Kubelike.Api.Schema;

/// <summary>
/// The server-side-apply struct type (<c>x-kubernetes-map-type</c> on an object): <c>atomic</c> means the
/// object is replaced as a whole, <c>granular</c> (the default) that its fields are owned separately.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class StructTypeAttribute : Attribute
{
    public StructTypeAttribute(string type)
    {
        Type = type;
    }

    public string Type { get; }
}
