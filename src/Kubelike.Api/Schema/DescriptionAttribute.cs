namespace Kubelike.Api.Schema;

/// <summary>The documentation of a type or field, as the API reference gives it (OpenAPI <c>description</c>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class DescriptionAttribute : Attribute
{
    public DescriptionAttribute(string text)
    {
        Text = text;
    }

    public string Text { get; }
}
