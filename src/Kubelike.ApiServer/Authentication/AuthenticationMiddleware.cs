using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Errors;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authentication;

/// <summary>
/// The first stage of the request pipeline: every request except the health probes must prove who it is
/// (anonymous access is off). The user is kept in <see cref="HttpContext.Items"/> for the stages after it.
/// </summary>
public sealed class AuthenticationMiddleware(RequestDelegate next, IEnumerable<IAuthenticator> authenticators)
{
    private static readonly string[] PublicPaths = ["/healthz", "/livez", "/readyz"];
    private static readonly object UserKey = new();

    public static UserInfo? GetUser(HttpContext context) => context.Items.TryGetValue(UserKey, out var user) ? user as UserInfo : null;

    /// <summary>Replaces the request's user (impersonation acts as another user from here on).</summary>
    public static void SetUser(HttpContext context, UserInfo user) => context.Items[UserKey] = user;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (PublicPaths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal)))
        {
            await next(context);
            return;
        }

        UserInfo? user = null;
        try
        {
            foreach (var authenticator in authenticators)
            {
                user = authenticator.Authenticate(context);
                if (user is not null)
                    break;
            }
        }
        catch (AuthenticationFailedException)
        {
            user = null;
        }
        if (user is null)
        {
            await ApiErrorHandlingMiddleware.WriteAsync(context, ApiException.Unauthorized());
            return;
        }
        if (!user.Groups.Contains(UserInfo.AuthenticatedGroup))
            user = user with { Groups = [.. user.Groups, UserInfo.AuthenticatedGroup] };
        context.Items[UserKey] = user;
        await next(context);
    }
}
