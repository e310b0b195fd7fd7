namespace Kubelike.ApiMachinery.Selectors;

/// <summary>One term of a field selector: <c>field=value</c> (also written <c>==</c>) or <c>field!=value</c>.</summary>
public sealed record FieldRequirement(string Field, bool Equal, string Value)
{
    public override string ToString() => $"{Field}{(Equal ? "=" : "!=")}{FieldSelector.EscapeValue(Value)}";
}
