namespace Kubelike.Api.Schema;

/// <summary>The server-side-apply list type (<c>x-kubernetes-list-type</c>): <c>atomic</c>, <c>set</c> or <c>map</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ListTypeAttribute : Attribute
{
    public ListTypeAttribute(string type)
    {
        Type = type;
    }

    public string Type { get; }
}
