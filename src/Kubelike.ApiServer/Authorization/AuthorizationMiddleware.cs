using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// The authorization stage, after authentication and impersonation: a request under /api or /apis naming a resource
/// is authorized as that resource, everything else (discovery, /version, /openapi…) as a non-resource path.
/// </summary>
public sealed class AuthorizationMiddleware(RequestDelegate next, RequestAuthorizer authorizer, ResourceRegistry registry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The health probes are public: they passed authentication without a user.
        if (AuthenticationMiddleware.GetUser(context) is not { } user)
        {
            await next(context);
            return;
        }
        await authorizer.RequireAsync(Attributes(context, user, registry), context.RequestAborted);
        await next(context);
    }

    public static AuthorizationAttributes Attributes(HttpContext context, UserInfo user, ResourceRegistry registry)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/apis/", StringComparison.Ordinal))
        {
            var watch = request.Query["watch"] is { Count: > 0 } value && value[0] is "true" or "1" or "True";
            if (RequestInfoParser.Parse(request.Method, path, watch, registry) is { IsDiscovery: false } info)
            {
                // A list or watch of one object by name (kubectl get pod x -w) is authorized for that name, as upstream.
                if (info.Verb is "list" or "watch" && NameFromFieldSelector(request.Query["fieldSelector"].ToString()) is { } name)
                    info = info with { Name = name };
                return AuthorizationAttributes.ForResource(user, info);
            }
        }
        return AuthorizationAttributes.ForPath(user, request.Method, path);
    }

    private static string? NameFromFieldSelector(string selector)
    {
        foreach (var prefix in new[] { "metadata.name==", "metadata.name=" })
        {
            if (selector.StartsWith(prefix, StringComparison.Ordinal) && !selector.Contains(','))
                return selector[prefix.Length..];
        }
        return null;
    }
}
