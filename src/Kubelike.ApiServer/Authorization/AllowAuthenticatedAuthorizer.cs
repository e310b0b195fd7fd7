using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Requests;

namespace Kubelike.ApiServer.Authorization;

/// <summary>Until RBAC exists: every authenticated user may do everything (anonymous users never get this far).</summary>
public sealed class AllowAuthenticatedAuthorizer : IAuthorizer
{
    public string? Authorize(UserInfo user, RequestInfo request) =>
        user.Groups.Contains(UserInfo.AuthenticatedGroup) ? null : "only authenticated users are allowed";
}
