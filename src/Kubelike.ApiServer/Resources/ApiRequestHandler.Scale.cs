using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.ApiMachinery.Selectors;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: the scale subresource.</summary>
internal sealed partial class ApiRequestHandler
{
    /// <summary>
    /// The scale subresource (autoscaling/v1 Scale) of deployments, replicasets, statefulsets and replication
    /// controllers: a view of spec.replicas, status.replicas and the selector; writes change only spec.replicas.
    /// </summary>
    private async Task ScaleAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        if (info.Verb is not ("get" or "update" or "patch"))
            throw ApiException.MethodNotSupported(objects.Resource.Group, $"{objects.Resource.Plural}/scale", info.Verb);
        var existing = await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted)
            ?? throw ApiException.NotFound(objects.Resource, info.Name);
        var scale = Scale(existing.Object);
        if (info.Verb == "get")
        {
            await WriteJsonAsync(context, scale, StatusCodes.Status200OK, MediaTypes.Json);
            return;
        }
        var requested = info.Verb == "patch"
            ? await PatchScaleAsync(context, scale)
            : await ReadBodyAsync(context);
        if (ParseRevision(ObjectJson.GetString(ObjectJson.Metadata(requested), "resourceVersion")) is long expected && expected != existing.Revision)
            throw ApiException.Conflict(objects.Resource, info.Name);
        if (requested["spec"]?["replicas"] is not JsonValue replicasValue || !replicasValue.TryGetValue<int>(out var replicas) || replicas < 0)
            throw ApiException.Invalid("autoscaling", "Scale", info.Name, [FieldError.Invalid("spec.replicas", requested["spec"]?["replicas"]?.ToJsonString(), "must be greater than or equal to 0")]);
        var updated = (JsonObject)existing.Object.DeepClone();
        ((updated["spec"] as JsonObject) ?? (JsonObject)(updated["spec"] = new JsonObject()))["replicas"] = replicas;
        if (replicas != (existing.Object["spec"]?["replicas"]?.GetValue<int>() ?? 1))
        {
            var metadata = ObjectJson.Metadata(updated);
            metadata["generation"] = (metadata["generation"]?.GetValue<long>() ?? 0) + 1;
        }
        TrackManagedFields(context, objects.Resource, info, existing.Object, updated);
        if (IsDryRun(context))
        {
            await WriteJsonAsync(context, Scale(updated), StatusCodes.Status200OK, MediaTypes.Json);
            return;
        }
        var saved = await objects.UpdateAsync(updated, existing.Revision, context.RequestAborted);
        await WriteJsonAsync(context, Scale(saved), StatusCodes.Status200OK, MediaTypes.Json);
    }

    /// <summary>A PATCH of the Scale view, of any patch type (kubectl scale sends a merge patch).</summary>
    private static async Task<JsonObject> PatchScaleAsync(HttpContext context, JsonObject scale)
    {
        var modelType = ModelTypes.Find(ScaleKind);
        var patchType = RequirePatchType(context, modelType);
        return ApplyPatch(patchType, scale, ParsePatch(context, await ReadBytesAsync(context), []), modelType);
    }

    private static readonly GroupVersionKind ScaleKind = new("autoscaling", "v1", "Scale");

    private static JsonObject Scale(JsonObject obj)
    {
        var metadata = ObjectJson.Metadata(obj);
        var scaleMetadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (metadata[field] is { } value)
                scaleMetadata[field] = value.DeepClone();
        }
        var selector = obj["spec"]?["selector"];
        // Deployments and friends hold a LabelSelector; replication controllers a plain map.
        var selectorText = selector is JsonObject s && (s.ContainsKey("matchLabels") || s.ContainsKey("matchExpressions"))
            ? LabelSelector.FromJson(selector).ToString()
            : LabelSelector.FromSet(ObjectJson.StringMap(selector)).ToString();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = obj["spec"]?["replicas"]?.DeepClone() ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = obj["status"]?["replicas"]?.DeepClone() ?? 0,
                ["selector"] = selectorText,
            },
        };
    }
}
