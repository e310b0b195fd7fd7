namespace Kubelike.ApiMachinery.Registry;

/// <summary>A kind in one group-version; the core group is "".</summary>
public sealed record GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The <c>apiVersion</c> field value: "v1" for the core group, "apps/v1" otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
