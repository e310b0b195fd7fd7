namespace Kubelike.Api.Schema;

/// <summary>The server-side-apply map type (<c>x-kubernetes-map-type</c>): <c>atomic</c> or <c>granular</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MapTypeAttribute : Attribute
{
    public MapTypeAttribute(string type)
    {
        Type = type;
    }

    public string Type { get; }
}
