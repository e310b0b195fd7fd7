namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// One authorization mode (the privileged group, RBAC, later the Node authorizer). Decisions come from memory:
/// this runs for every request.
/// </summary>
public interface IAuthorizer
{
    AuthorizationDecision Authorize(AuthorizationAttributes attributes);
}
