using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization.Rbac;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// <c>Impersonate-User</c>, <c>Impersonate-Group</c>, <c>Impersonate-Uid</c> and <c>Impersonate-Extra-*</c>
/// (kubectl <c>--as</c>, <c>--as-group</c>): each is authorized with the <c>impersonate</c> verb on users, groups,
/// serviceaccounts, uids or userextras, as upstream; the request then runs as the impersonated user.
/// </summary>
public sealed class ImpersonationMiddleware(RequestDelegate next, RequestAuthorizer authorizer)
{
    private const string UserHeader = "Impersonate-User";
    private const string GroupHeader = "Impersonate-Group";
    private const string UidHeader = "Impersonate-Uid";
    private const string ExtraPrefix = "Impersonate-Extra-";
    private const string AuthenticationGroup = "authentication.k8s.io";

    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var userName = headers[UserHeader].ToString();
        var groups = headers[GroupHeader].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).ToList();
        var uid = headers[UidHeader].ToString();
        var extras = headers.Where(h => h.Key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (AuthenticationMiddleware.GetUser(context) is not { } actor || (userName.Length == 0 && groups.Count == 0 && uid.Length == 0 && extras.Count == 0))
        {
            await next(context);
            return;
        }
        if (userName.Length == 0)
            throw ApiException.BadRequest("impersonating groups, a uid or extra fields requires impersonating a user");

        var cancellation = context.RequestAborted;
        string[] impliedGroups = [];
        if (userName.StartsWith(RuleResolver.ServiceAccountPrefix, StringComparison.Ordinal)
            && userName[RuleResolver.ServiceAccountPrefix.Length..].Split(':') is [{ Length: > 0 } ns, { Length: > 0 } name])
        {
            await authorizer.RequireAsync(Impersonate(actor, "", "serviceaccounts", "", name, ns), cancellation);
            // A service account's groups follow from its name when none are asked for.
            if (groups.Count == 0)
                impliedGroups = ["system:serviceaccounts", $"system:serviceaccounts:{ns}"];
        }
        else
        {
            await authorizer.RequireAsync(Impersonate(actor, "", "users", "", userName), cancellation);
        }
        foreach (var group in groups)
            await authorizer.RequireAsync(Impersonate(actor, "", "groups", "", group), cancellation);
        if (uid.Length > 0)
            await authorizer.RequireAsync(Impersonate(actor, AuthenticationGroup, "uids", "", uid), cancellation);
        foreach (var (header, values) in extras)
        {
            var key = Uri.UnescapeDataString(header[ExtraPrefix.Length..]).ToLowerInvariant();
            foreach (var value in values)
                await authorizer.RequireAsync(Impersonate(actor, AuthenticationGroup, "userextras", key, value ?? ""), cancellation);
        }

        List<string> impersonatedGroups = [.. groups, .. impliedGroups];
        if (!impersonatedGroups.Contains(UserInfo.AuthenticatedGroup))
            impersonatedGroups.Add(UserInfo.AuthenticatedGroup);
        AuthenticationMiddleware.SetUser(context, new UserInfo(userName, uid, impersonatedGroups));
        await next(context);
    }

    private static AuthorizationAttributes Impersonate(UserInfo actor, string group, string resource, string subresource, string name, string ns = "") => new()
    {
        User = actor,
        Verb = "impersonate",
        IsResourceRequest = true,
        Group = group,
        Resource = resource,
        Subresource = subresource,
        Name = name,
        Namespace = ns,
    };
}
