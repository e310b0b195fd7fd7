using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Requests;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// The authorization stage: may <paramref name="user"/> do what <paramref name="request"/> asks? Returns null when
/// allowed, otherwise the reason for the 403. RBAC and the Node authorizer plug in here.
/// </summary>
public interface IAuthorizer
{
    string? Authorize(UserInfo user, RequestInfo request);
}
