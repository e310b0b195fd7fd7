using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Requests;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// What an authorizer decides on, as upstream's authorizer.Attributes: who, which verb, and either a resource
/// (group, resource, subresource, namespace, name) or a non-resource path such as <c>/version</c> or <c>/api</c>.
/// </summary>
public sealed record AuthorizationAttributes
{
    public required UserInfo User { get; init; }

    /// <summary>A Kubernetes verb (get, list, create, impersonate…) for resources; the lowercase HTTP method for paths.</summary>
    public required string Verb { get; init; }

    public bool IsResourceRequest { get; init; }

    /// <summary>The request path of a non-resource request.</summary>
    public string Path { get; init; } = "";

    public string Group { get; init; } = "";
    public string Version { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>A resource request from a parsed API path.</summary>
    public static AuthorizationAttributes ForResource(UserInfo user, RequestInfo request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new()
        {
            User = user,
            Verb = request.Verb,
            IsResourceRequest = true,
            Group = request.Group,
            Version = request.Version,
            Namespace = request.Namespace,
            Resource = request.Resource,
            Subresource = request.Subresource,
            Name = request.Name,
        };
    }

    /// <summary>A non-resource request: upstream's verb is the lowercased HTTP method.</summary>
    public static AuthorizationAttributes ForPath(UserInfo user, string method, string path) =>
        new() { User = user, Verb = method.ToLowerInvariant(), Path = path };
}
