using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Authorization.Rbac;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// The authorization chain the server runs (system:masters, then RBAC). Until the RBAC cache has its first list, a
/// request the chain does not allow waits for it (briefly: then 503), so that nothing is denied on an empty policy at
/// start-up; the superuser group never waits.
/// </summary>
public sealed class RequestAuthorizer(IEnumerable<IAuthorizer> authorizers, RbacPolicyCache policy, TimeProvider time)
{
    private static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(5);
    private readonly UnionAuthorizer _union = new([.. authorizers]);

    public async ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        var decision = _union.Authorize(attributes);
        if (decision.IsAllowed || policy.Loaded.IsCompleted)
            return decision;
        try
        {
            await policy.Loaded.WaitAsync(LoadWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ApiException(503, StatusReasons.ServiceUnavailable, "the authorization policy is still loading", new StatusDetails { RetryAfterSeconds = 1 });
        }
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
