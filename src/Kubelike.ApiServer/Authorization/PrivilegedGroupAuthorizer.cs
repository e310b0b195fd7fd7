namespace Kubelike.ApiServer.Authorization;

/// <summary>Members of <c>system:masters</c> may do anything, whatever RBAC says (upstream's superuser group).</summary>
public sealed class PrivilegedGroupAuthorizer : IAuthorizer
{
    public const string PrivilegedGroup = "system:masters";

    public static bool IsPrivileged(Authentication.UserInfo user) => user.Groups.Contains(PrivilegedGroup);

    public AuthorizationDecision Authorize(AuthorizationAttributes attributes) =>
        IsPrivileged(attributes.User) ? AuthorizationDecision.Allow() : AuthorizationDecision.NoOpinion();
}
