namespace Kubelike.ApiMachinery.Patching;

/// <summary>The Content-Types of PATCH requests.</summary>
public static class PatchTypes
{
    public const string Json = "application/json-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string StrategicMerge = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";

    /// <summary>
    /// The patch types a kind accepts, in upstream's order: strategic merge patch needs the merge facts of a model type.
    /// </summary>
    public static IReadOnlyList<string> Supported(bool hasModelType) => hasModelType ? [Json, Merge, StrategicMerge] : [Json, Merge];
}
