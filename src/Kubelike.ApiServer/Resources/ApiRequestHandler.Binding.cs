using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: binding a pod to a node.</summary>
internal sealed partial class ApiRequestHandler
{
    private const int MaxBindAttempts = 5;

    private static readonly GroupVersionKind BindingKind = new("", "v1", "Binding");

    /// <summary>Whether the request binds a pod: <c>pods/NAME/binding</c>, or the legacy <c>namespaces/NS/bindings</c>.</summary>
    private static bool IsBinding(ResourceDefinition resource, RequestInfo info) =>
        (info.Subresource == "binding" && resource.FindSubresource("binding") is { ResponseKind: var kind } && kind == BindingKind)
        || (info.Subresource.Length == 0 && resource.GroupVersionKind == BindingKind);

    /// <summary>
    /// POST of a v1 Binding: sets the pod's spec.nodeName to the target node when it has none yet (409 otherwise, or when
    /// the pod is being deleted), merges the binding's annotations into the pod's and marks it PodScheduled, in one
    /// conditional write retried on a concurrent change. Answers 201 with a Status Success, as upstream.
    /// </summary>
    private async Task BindAsync(HttpContext context, RequestInfo info)
    {
        if (info.Verb != "create")
            throw ApiException.MethodNotSupported("", info.Subresource.Length > 0 ? "pods/binding" : "bindings", info.Verb);
        ValidateDryRun(context, info.Verb);
        var binding = await ReadBodyAsync(context);
        var apiVersion = ObjectJson.GetString(binding, "apiVersion");
        var kind = ObjectJson.GetString(binding, "kind");
        if ((!string.IsNullOrEmpty(kind) && kind != "Binding") || (!string.IsNullOrEmpty(apiVersion) && apiVersion != "v1"))
            throw ApiException.BadRequest($"the kind of the object in the data ({apiVersion}, Kind={kind}) does not match the expected kind (v1, Kind=Binding)");
        var metadata = binding["metadata"] as JsonObject ?? [];
        var name = ObjectJson.GetString(metadata, "name") ?? "";
        var bodyNamespace = ObjectJson.GetString(metadata, "namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != info.Namespace)
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        if (info.Subresource.Length > 0)
        {
            if (name.Length > 0 && name != info.Name)
                throw ApiException.BadRequest("name in URL does not match name in Binding object");
            name = info.Name;
        }

        var errors = new List<FieldError>();
        if (name.Length == 0)
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        var target = binding["target"] as JsonObject;
        var targetKind = target is null ? null : ObjectJson.GetString(target, "kind");
        if (!string.IsNullOrEmpty(targetKind) && targetKind != "Node")
            errors.Add(FieldError.Invalid("target.kind", targetKind, "must be empty or 'Node'"));
        var nodeName = target is null ? null : ObjectJson.GetString(target, "name");
        if (string.IsNullOrEmpty(nodeName))
            errors.Add(FieldError.Required("target.name"));
        if (errors.Count > 0)
            throw ApiException.Invalid("", "Binding", name, errors);

        var pods = registry.Find("", "v1", "pods") ?? throw ApiException.NotFound("", "pods", name);
        var objects = new ResourceStore(store, pods);
        var annotations = ObjectJson.StringMap(metadata["annotations"]);
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt binds the pod as the store remembers it (no read); whatever fails there may be the
            // remembered state being stale, so the next attempt reads the stored pod.
            var recent = attempt == 1 && !IsDryRun(context) ? objects.GetRecent(info.Namespace, name) : null;
            if (recent is not null)
            {
                try
                {
                    await BindOnceAsync(recent.Value, retryOnConflict: false);
                    break;
                }
                catch (ApiException) when (!context.Response.HasStarted)
                {
                    continue;
                }
            }

            var existing = await objects.GetAsync(info.Namespace, name, context.RequestAborted)
                ?? throw ApiException.NotFound(pods, name);
            // Written in between (a status update, a label): bind what is stored now.
            if (await BindOnceAsync(existing, retryOnConflict: attempt < MaxBindAttempts))
                break;
        }

        var success = StatusSuccess.Build();
        success["code"] = StatusCodes.Status201Created;
        await WriteJsonAsync(context, success, StatusCodes.Status201Created, Negotiation.MediaTypes.Json);

        // Whether the pod is bound; false when its conditional write met a newer version and may be retried.
        async Task<bool> BindOnceAsync((JsonObject Object, long Revision) existing, bool retryOnConflict)
        {
            var pod = existing.Object; // parsed for this attempt alone
            var podMetadata = ObjectJson.Metadata(pod);
            if (podMetadata["deletionTimestamp"] is not null)
                throw ApiException.Conflict("", "pods/binding", name, $"pod {name} is being deleted, cannot be assigned to a host");
            var spec = pod["spec"] as JsonObject ?? (JsonObject)(pod["spec"] = new JsonObject());
            var assigned = ObjectJson.GetString(spec, "nodeName");
            if (!string.IsNullOrEmpty(assigned))
                throw ApiException.Conflict("", "pods/binding", name, $"pod {name} is already assigned to node {GoQuote(assigned)}");
            if (spec["schedulingGates"] is JsonArray { Count: > 0 })
                throw ApiException.Conflict("", "pods/binding", name, $"pod {name} has non-empty .spec.schedulingGates");
            spec["nodeName"] = nodeName;
            if (annotations.Count > 0)
            {
                var podAnnotations = podMetadata["annotations"] as JsonObject ?? (JsonObject)(podMetadata["annotations"] = new JsonObject());
                foreach (var (key, value) in annotations)
                    podAnnotations[key] = value;
            }

            MarkScheduled(pod);
            if (IsDryRun(context))
                return true;
            try
            {
                await objects.UpdateAsync(pod, existing.Revision, context.RequestAborted);
                return true;
            }
            catch (ApiException e) when (retryOnConflict && e.Code == StatusCodes.Status409Conflict && e.Reason == StatusReasons.Conflict)
            {
                return false;
            }
        }
    }

    /// <summary>Sets the PodScheduled condition to True, keeping its transition time when it already was.</summary>
    private void MarkScheduled(JsonObject pod)
    {
        var status = pod["status"] as JsonObject ?? (JsonObject)(pod["status"] = new JsonObject());
        var conditions = status["conditions"] as JsonArray ?? (JsonArray)(status["conditions"] = new JsonArray());
        var scheduled = new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "True",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = ObjectMeta.FormatTime(time.GetUtcNow()),
        };
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i] is not JsonObject condition || ObjectJson.GetString(condition, "type") != "PodScheduled")
                continue;
            if (ObjectJson.GetString(condition, "status") == "True" && condition["lastTransitionTime"] is { } since)
                scheduled["lastTransitionTime"] = since.DeepClone();
            conditions[i] = scheduled;
            return;
        }

        conditions.Add(scheduled);
    }

    private static string GoQuote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
