using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Patching;
using Kubelike.ApiServer.Negotiation;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: what every PATCH (of an object or a subresource) shares.</summary>
internal sealed partial class ApiRequestHandler
{
    /// <summary>How often a PATCH is re-applied after a concurrent write before the conflict is the answer (upstream: 5).</summary>
    private const int MaxPatchAttempts = 5;

    /// <summary>
    /// The patch type of the request's Content-Type, or 415 listing the types the kind accepts. The PATCH options are
    /// checked here too: <c>force</c> belongs to server-side apply only.
    /// </summary>
    private static string RequirePatchType(HttpContext context, Type? modelType)
    {
        var supported = PatchTypes.Supported(modelType is not null);
        var type = MediaTypes.BodyType(context.Request.ContentType);
        if (type is null || !supported.Contains(type))
            throw ApiException.UnsupportedMediaType(supported);
        if (context.Request.Query.ContainsKey("force"))
            throw ApiException.Invalid("meta.k8s.io", "PatchOptions", "", [FieldError.Forbidden("force", "may not be specified for non-apply patch")]);
        return type;
    }

    private static JsonNode? ParsePatch(byte[] body)
    {
        try
        {
            return ObjectPatch.Parse(body);
        }
        catch (PatchException exception)
        {
            throw exception.ToApiException();
        }
    }

    private static JsonObject ApplyPatch(string patchType, JsonObject target, JsonNode? patch, Type? modelType)
    {
        try
        {
            return ObjectPatch.Apply(patchType, target, patch, modelType);
        }
        catch (PatchException exception)
        {
            throw exception.ToApiException();
        }
    }
}
