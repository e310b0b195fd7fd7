using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization.Reviews;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: access reviews, answered and never stored.</summary>
internal sealed partial class ApiRequestHandler
{
    private async Task ReviewAsync(HttpContext context, ResourceDefinition resource, RequestInfo info)
    {
        if (info.Verb != "create" || info.Name.Length > 0 || info.Subresource.Length > 0)
            throw ApiException.MethodNotSupported(resource.Group, resource.Plural, info.Verb);
        var body = Decode(context, await ReadBodyAsync(context), resource);
        CheckKind(body, resource);
        var user = AuthenticationMiddleware.GetUser(context) ?? throw ApiException.Unauthorized();
        var review = await reviews.ReviewAsync(resource.Plural, info.Namespace, body, user, context.RequestAborted);
        await WriteObjectAsync(context, review, StatusCodes.Status201Created);
    }
}
