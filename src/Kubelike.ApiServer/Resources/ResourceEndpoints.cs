using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kubelike.ApiServer.Resources;

/// <summary>Routes /api and /apis (discovery and every resource) to the one <see cref="ApiRequestHandler"/>.</summary>
public static class ResourceEndpoints
{
    public static IEndpointRouteBuilder MapResourceApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var pattern in new[] { "/api", "/api/{**rest}", "/apis", "/apis/{**rest}" })
            endpoints.Map(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<ApiRequestHandler>().HandleAsync(context));
        return endpoints;
    }
}
