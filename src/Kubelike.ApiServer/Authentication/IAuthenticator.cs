using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authentication;

/// <summary>
/// One way of proving identity. Returns null when the request carries no credentials of this kind; throws
/// <see cref="AuthenticationFailedException"/> when it carries some that are not valid.
/// </summary>
public interface IAuthenticator
{
    UserInfo? Authenticate(HttpContext context);
}
