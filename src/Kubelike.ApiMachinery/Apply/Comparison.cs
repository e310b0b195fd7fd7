namespace Kubelike.ApiMachinery.Apply;

/// <summary>How two versions of an object differ, as field sets: what the new one added, removed and changed.</summary>
public sealed record Comparison(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    public bool IsSame => Added.IsEmpty && Removed.IsEmpty && Modified.IsEmpty;
}
