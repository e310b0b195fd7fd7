using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Authorization.Rbac;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// The authorization chain the server runs (system:masters, then RBAC), waiting for the RBAC cache's first list so
/// that nothing is decided on an empty policy at start-up.
/// </summary>
public sealed class RequestAuthorizer(IEnumerable<IAuthorizer> authorizers, RbacPolicyCache policy)
{
    private readonly UnionAuthorizer _union = new([.. authorizers]);

    public async ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        if (!policy.Loaded.IsCompleted)
            await policy.Loaded.WaitAsync(cancellationToken);
        return _union.Authorize(attributes);
    }

    /// <summary>Throws the upstream-worded 403 unless allowed.</summary>
    public async ValueTask RequireAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        var decision = await AuthorizeAsync(attributes, cancellationToken);
        if (!decision.IsAllowed)
            throw Forbidden(attributes, decision.Reason);
    }

    public static ApiException Forbidden(AuthorizationAttributes attributes, string reason)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.IsResourceRequest
            ? ApiException.ForbiddenForUser(attributes.User.Name, attributes.Verb, attributes.Group, attributes.Resource, attributes.Subresource, attributes.Namespace, attributes.Name, reason)
            : ApiException.ForbiddenPath(attributes.User.Name, attributes.Verb, attributes.Path, reason);
    }
}
