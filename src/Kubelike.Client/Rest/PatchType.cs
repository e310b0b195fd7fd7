namespace Kubelike.Client.Rest;

/// <summary>The four patch formats of the Kubernetes API.</summary>
public enum PatchType
{
    /// <summary>RFC 6902 operations (<c>application/json-patch+json</c>).</summary>
    Json,

    /// <summary>RFC 7386 merge patch (<c>application/merge-patch+json</c>): lists are replaced.</summary>
    Merge,

    /// <summary>Strategic merge patch (<c>application/strategic-merge-patch+json</c>), built-in kinds only.</summary>
    StrategicMerge,

    /// <summary>Server-side apply (<c>application/apply-patch+yaml</c>, JSON is valid YAML); needs a field manager.</summary>
    Apply,
}
