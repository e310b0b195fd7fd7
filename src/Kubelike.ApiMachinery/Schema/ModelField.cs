namespace Kubelike.ApiMachinery.Schema;

/// <summary>
/// One field of a model type as the schema attributes describe it: its JSON name and value, and the merge facts
/// strategic merge patch and server-side apply read (patch strategy and merge key, list type and keys, map type).
/// </summary>
public sealed record ModelField(string JsonName, ModelValue Value)
{
    /// <summary>The raw <c>patchStrategy</c>: "merge", "replace", "retainKeys", "merge,retainKeys", or null.</summary>
    public string? PatchStrategy { get; init; }

    public string? PatchMergeKey { get; init; }

    /// <summary><c>x-kubernetes-list-type</c>: atomic, set or map.</summary>
    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary><c>x-kubernetes-map-type</c> of a map, or the struct type of an object field: atomic or granular.</summary>
    public string? MapType { get; init; }

    /// <summary>The strategies of <see cref="PatchStrategy"/>, split at commas.</summary>
    public IReadOnlyList<string> PatchStrategies =>
        PatchStrategy is null ? [] : PatchStrategy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
