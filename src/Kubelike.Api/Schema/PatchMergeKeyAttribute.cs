namespace Kubelike.Api.Schema;

/// <summary>The field of list items that identifies them when a strategic merge patch merges the list.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PatchMergeKeyAttribute : Attribute
{
    public PatchMergeKeyAttribute(string key)
    {
        Key = key;
    }

    public string Key { get; }
}
