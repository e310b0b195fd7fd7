using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: Discovery documents under /api and /apis.</summary>
internal sealed partial class ApiRequestHandler
{
    private static ApiException NotFoundPath() => new(404, StatusReasons.NotFound, "the server could not find the requested resource");

    private async Task ServeDiscoveryAsync(HttpContext context, RequestInfo info)
    {
        if (context.Request.Method is not ("GET" or "HEAD"))
            throw new ApiException(405, StatusReasons.MethodNotAllowed, $"the server does not allow this method on the requested resource");
        var accept = context.Request.Headers.Accept.ToString();
        JsonObject? document;
        var contentType = MediaTypes.Json;
        if (info.Group.Length == 0 && info.Version.Length == 0)
        {
            var aggregated = MediaTypes.AcceptedDiscoveryVersion(accept);
            var core = info.Prefix == "api";
            if (aggregated is not null)
            {
                document = discovery.Aggregated(core, aggregated);
                contentType = aggregated == "v2" ? MediaTypes.DiscoveryV2 : MediaTypes.DiscoveryV2Beta1;
            }
            else
            {
                document = core ? discovery.ApiVersions() : discovery.ApiGroupList();
            }
        }
        else if (info.Version.Length == 0)
        {
            document = discovery.ApiGroup(info.Group);
        }
        else
        {
            document = discovery.ApiResourceList(info.Group, info.Version);
        }
        if (document is null)
            throw NotFoundPath();
        await WriteJsonAsync(context, document, StatusCodes.Status200OK, contentType);
    }
}
