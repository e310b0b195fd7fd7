using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Patching;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
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

    /// <summary>
    /// Under <c>fieldValidation=Strict</c>, a patch that brings fields the schema does not know is refused as upstream
    /// refuses it: 422 on the field "patch", naming the fields. (Warn and Ignore are the update's decoding.)
    /// </summary>
    private static void RefuseUnknownPatchFields(HttpContext context, ResourceDefinition resource, string patchType, JsonNode? patch, JsonObject patched, IReadOnlyList<string> duplicates)
    {
        if (context.Request.Query["fieldValidation"].ToString() != "Strict")
            return;
        var problems = new List<string>(duplicates);
        ObjectDecoder.Decode(patched, resource, FieldValidation.Warn, problems);
        if (problems.Count > 0)
            throw ApiException.Invalid("", "", "", [FieldError.Invalid("patch", ObjectPatch.Describe(patchType, patch, patched), "strict decoding error: " + string.Join(", ", problems))]);
    }

    /// <summary>Parses a patch body; members given twice are collected in <paramref name="duplicates"/> (and warned of under Warn).</summary>
    private static JsonNode? ParsePatch(HttpContext context, byte[] body, List<string> duplicates)
    {
        try
        {
            var patch = ObjectPatch.Parse(body, duplicates);
            if (NullIfEmpty(context.Request.Query["fieldValidation"]) is null or "Warn")
            {
                foreach (var duplicate in duplicates)
                    context.Response.Headers.Append("Warning", $"299 - \"{duplicate.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
            }
            return patch;
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
