using System.Text;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Apply;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Patching;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// The REST verbs of <see cref="ApiRequestHandler"/>: server-side apply (PATCH with
/// <c>application/apply-patch+yaml</c>), and the managedFields every other write records.
/// </summary>
internal sealed partial class ApiRequestHandler
{
    // An apply re-reads the object and merges again when another write got in between, as upstream's update loop does.
    private const int ApplyAttempts = 5;

    private static bool IsApplyPatch(HttpContext context) => MediaTypes.BodyType(context.Request.ContentType) == PatchTypes.Apply;

    private FieldManagerScope FieldScope(ResourceDefinition resource, string subresource) =>
        new(ApplyType.ForModel(ModelTypes.Find(resource)), resource.ApiVersion, subresource, resource.HasStatus, time.GetUtcNow());

    /// <summary>
    /// Records a create, update, patch or subresource write in <c>updated.metadata.managedFields</c>, under the
    /// request's <c>fieldManager</c> or, without one, the User-Agent's product name (upstream's default).
    /// </summary>
    private void TrackManagedFields(HttpContext context, ResourceDefinition resource, RequestInfo info, JsonObject? live, JsonObject updated)
    {
        var manager = NullIfEmpty(context.Request.Query["fieldManager"]);
        if (manager is not null && FieldManagerNames.Validate(manager) is { Count: > 0 } errors)
        {
            var options = info.Verb switch { "create" => "CreateOptions", "update" => "UpdateOptions", _ => "PatchOptions" };
            throw ApiException.Invalid("meta.k8s.io", options, "", errors);
        }
        manager ??= FieldManagerNames.FromUserAgent(context.Request.Headers.UserAgent.ToString());
        FieldManager.Update(live, updated, manager, FieldScope(resource, info.Subresource));
    }

    private async Task ApplyAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var resource = objects.Resource;
        var query = context.Request.Query;
        var manager = NullIfEmpty(query["fieldManager"]) ?? "";
        var errors = new List<FieldError>();
        if (manager.Length == 0)
            errors.Add(FieldError.Required("fieldManager", "is required for apply patch"));
        errors.AddRange(FieldManagerNames.Validate(manager));
        if (errors.Count > 0)
            throw ApiException.Invalid("meta.k8s.io", "PatchOptions", "", errors);
        var force = NullIfEmpty(query["force"]) switch
        {
            null or "false" or "False" or "0" => false,
            "true" or "True" or "1" => true,
            var other => throw ApiException.BadRequest($"invalid value for force: {other}"),
        };
        var config = ParseApplyConfiguration(await ReadBytesAsync(context));
        CheckApplyConfiguration(config, resource, info);
        var conditional = config["metadata"]?["resourceVersion"] is not null;

        for (var attempt = 1; ; attempt++)
        {
            var existing = await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted);
            var merged = FieldManager.Apply(existing?.Object, config, manager, force, FieldScope(resource, info.Subresource));
            CheckAppliedName(merged, resource, info);
            if (existing is null && ObjectJson.GetString(ObjectJson.Metadata(merged), "uid") is { Length: > 0 } uid)
                throw ApiException.Conflict(resource, info.Name, $"uid mismatch: the provided object specified uid {uid}, and no existing object was found");
            if (existing is null && info.Subresource.Length > 0)
                throw ApiException.NotFound(resource, info.Name);
            try
            {
                if (existing is null)
                {
                    await CreateObjectAsync(context, objects, info, merged, trackManagedFields: false);
                }
                else
                {
                    await UpdateAsync(context, objects, info, merged, trackManagedFields: false);
                }
                return;
            }
            catch (ApiException exception) when (attempt < ApplyAttempts && !conditional && exception.Code == 409
                && exception.Reason is StatusReasons.Conflict or StatusReasons.AlreadyExists && exception.Details?.Causes is not { Count: > 0 })
            {
                // Someone else wrote the object between our read and our write: apply again to what is there now.
            }
        }
    }

    /// <summary>The body of an apply: YAML or JSON, one object.</summary>
    private static JsonObject ParseApplyConfiguration(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                return ObjectJson.ParseObject(body);
            }
            catch (ApiException exception)
            {
                throw ApiException.BadRequest($"error decoding YAML: {exception.Message}");
            }
        }
        return YamlToJson.Convert(text);
    }

    private static void CheckApplyConfiguration(JsonObject config, ResourceDefinition resource, RequestInfo info)
    {
        var apiVersion = config["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : "";
        if (apiVersion != resource.ApiVersion)
            throw ApiException.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {apiVersion}, expected: {resource.ApiVersion}");
        var kind = config["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : "";
        if (kind.Length == 0)
        {
            var name = config["metadata"]?["name"] is JsonValue n && n.TryGetValue<string>(out var t) ? t : "";
            throw ApiException.BadRequest($"failed to create typed patch object ({info.Namespace}/{name}; {resource.ApiVersion}, Kind=): no corresponding type for {resource.ApiVersion}, Kind=");
        }
        CheckKind(config, resource);
        if (config["metadata"] is { } metadata && metadata is not JsonObject)
            throw ApiException.BadRequest("metadata must be an object");
        if (config["metadata"]?["managedFields"] is not null)
            throw ApiException.BadRequest("metadata.managedFields must be nil");
    }

    /// <summary>The applied object must be the one the URL names (upstream's checkName).</summary>
    private static void CheckAppliedName(JsonObject merged, ResourceDefinition resource, RequestInfo info)
    {
        var metadata = ObjectJson.Metadata(merged);
        var name = ObjectJson.GetString(metadata, "name") ?? "";
        if (name != info.Name)
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({info.Name})");
        if (!resource.Namespaced)
            return;
        var objectNamespace = ObjectJson.GetString(metadata, "namespace") ?? "";
        if (objectNamespace.Length > 0 && objectNamespace != info.Namespace)
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
}
