using System.Globalization;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Negotiation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Kubelike.ApiServer.OpenApi;

/// <summary>
/// <c>/openapi/v3</c> and <c>/openapi/v3/{group-version}</c> as kube-apiserver serves them: the index names each
/// document by a URL carrying its hash; a request with the current hash may be cached for good
/// (<c>Cache-Control: public, immutable</c>), one with an old hash is redirected (301) to the current URL.
/// ETags are the hash, so <c>If-None-Match</c> gets a 304. JSON only: the protobuf form is optional and kubectl and
/// Helm ask for JSON; a client that accepts nothing else gets 406. <c>/openapi/v2</c> is not served (404): clients
/// fall back to it only when v3 is missing.
/// </summary>
public static class OpenApiEndpoints
{
    public static IEndpointRouteBuilder MapOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/openapi/v3", ["GET", "HEAD"], (HttpContext context) =>
        {
            var documents = context.RequestServices.GetRequiredService<OpenApiDocuments>();
            return WriteAsync(context, documents.Index, documents.Generated, immutable: false);
        });
        endpoints.MapMethods("/openapi/v3/{**groupVersion}", ["GET", "HEAD"], (HttpContext context, string groupVersion) =>
        {
            var documents = context.RequestServices.GetRequiredService<OpenApiDocuments>();
            var document = documents.Find(groupVersion.TrimEnd('/'))
                ?? throw new ApiException(StatusCodes.Status404NotFound, StatusReasons.NotFound, "the server could not find the requested resource");
            if (!AcceptsJson(context.Request.Headers.Accept.ToString()))
            {
                throw new ApiException(StatusCodes.Status406NotAcceptable, StatusReasons.NotAcceptable,
                    "only the following media types are accepted: application/json");
            }
            context.Response.Headers.Vary = "Accept";
            var hash = context.Request.Query["hash"].ToString();
            if (hash.Length > 0 && hash != document.Hash)
            {
                // An old hash: the client's index is stale; send it to the current document.
                context.Response.Headers.ETag = Quoted(document.Hash);
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = OpenApiDocuments.ServerRelativeUrl(groupVersion.TrimEnd('/'), document.Hash);
                return Task.CompletedTask;
            }
            return WriteAsync(context, document, documents.Generated, immutable: hash.Length > 0);
        });
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext context, ServedOpenApiDocument document, DateTimeOffset lastModified, bool immutable)
    {
        var headers = context.Response.Headers;
        headers.ETag = Quoted(document.Hash);
        headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        if (immutable)
        {
            // The URL names this exact content: it never changes, so caches may keep it (upstream says for a year).
            headers.CacheControl = "public, immutable";
            headers.Expires = DateTimeOffset.UtcNow.AddYears(1).ToString("R", CultureInfo.InvariantCulture);
        }
        if (MatchesIfNoneMatch(context.Request.Headers.IfNoneMatch.ToString(), document.Hash))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = MediaTypes.Json;
        context.Response.ContentLength = document.Json.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(document.Json, context.RequestAborted);
    }

    private static string Quoted(string hash) => "\"" + hash + "\"";

    private static bool MatchesIfNoneMatch(string ifNoneMatch, string hash)
    {
        if (ifNoneMatch.Length == 0 || !EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags))
            return false;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Value == Quoted(hash));
    }

    /// <summary>Whether the Accept header admits JSON: empty, <c>*/*</c>, <c>application/*</c> or <c>application/json</c>.</summary>
    private static bool AcceptsJson(string accept)
    {
        if (accept.Length == 0)
            return true;
        if (!MediaTypeHeaderValue.TryParseList([accept], out var values))
            return false;
        return values.Any(value => value.Quality is not 0 && value.MediaType.Value?.ToLowerInvariant() is "*/*" or "application/*" or MediaTypes.Json);
    }
}
