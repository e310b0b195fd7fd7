namespace Kubelike.ApiServer.Requests;

/// <summary>
/// What a request under /api or /apis addresses, as kube-apiserver's RequestInfo resolves it: the group-version,
/// namespace, resource, name, subresource and the Kubernetes verb (get, list, watch, create, update, patch,
/// delete, deletecollection). Requests for discovery documents have no resource.
/// </summary>
public sealed record RequestInfo
{
    /// <summary>"api" or "apis".</summary>
    public required string Prefix { get; init; }

    public string Group { get; init; } = "";
    public string Version { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Name { get; init; } = "";
    public string Subresource { get; init; } = "";
    public required string Verb { get; init; }

    /// <summary>True for /api, /apis, /apis/{group} and /api(s)/.../{version} discovery documents.</summary>
    public bool IsDiscovery => Resource.Length == 0;
}
