using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Protobuf;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Admission;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: delete and deletecollection.</summary>
internal sealed partial class ApiRequestHandler
{
    /// <summary>Attempts of a delete that races with other writers (controllers updating status) before the 409 goes out.</summary>
    private const int DeleteAttempts = 5;

    private async Task DeleteAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var options = await ReadDeleteOptionsAsync(context);
        var conditional = options?["preconditions"] is JsonObject;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeleteOnceAsync(context, objects, info, options);
                return;
            }
            catch (ApiException e) when (e.Code == StatusCodes.Status409Conflict && !conditional && attempt < DeleteAttempts)
            {
                // The object changed between our read and write; as upstream, an unconditional delete tries again.
            }
        }
    }

    private async Task DeleteOnceAsync(HttpContext context, ResourceStore objects, RequestInfo info, JsonObject? options)
    {
        var resource = objects.Resource;
        var dryRun = IsDryRun(context) || DryRunValues(options).Contains(DryRunAll);
        var existing = await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted)
            ?? throw ApiException.NotFound(resource, info.Name);
        var current = existing.Object;
        var preconditions = options?["preconditions"] as JsonObject;
        var uid = preconditions is null ? null : ObjectJson.GetString(preconditions, "uid");
        var rv = preconditions is null ? null : ParseRevision(ObjectJson.GetString(preconditions, "resourceVersion"));
        if (uid is not null && uid != ObjectJson.GetString(ObjectJson.Metadata(current), "uid"))
            throw ApiException.Conflict(resource, info.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectJson.GetString(ObjectJson.Metadata(current), "uid")}");
        if (rv is long expected && expected != existing.Revision)
            throw ApiException.Conflict(resource, info.Name, $"Precondition failed: ResourceVersion in precondition: {expected}, ResourceVersion in object meta: {existing.Revision}");

        var admissionRequest = Admission(context, resource, info, AdmissionOperation.Delete, null, current);
        await admission.MutateAsync(admissionRequest, context.RequestAborted);
        await admission.ValidateAsync(admissionRequest, context.RequestAborted);

        var propagation = options is null ? null : ObjectJson.GetString(options, "propagationPolicy");
        var (result, gone) = await DeleteExistingAsync(objects, info.Namespace, info.Name, existing.Object, existing.Revision, options, dryRun, context.RequestAborted);
        if (gone)
            await WriteDeletedAsync(context, resource, result, StatusCodes.Status200OK);
        else
            await WriteObjectAsync(context, result, propagation is null || NamespaceFinalization.Applies(resource) ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Deletes a stored object, or only marks it (deletionTimestamp, propagation finalizers) when finalizers or a
    /// grace period keep it for now; a namespace is marked Terminating and goes once its finalizers are done.
    /// Returns what is left (the marked object) or what went, and whether it went.
    /// </summary>
    private async Task<(JsonObject Result, bool Gone)> DeleteExistingAsync(
        ResourceStore objects, string ns, string name, JsonObject current, long revision, JsonObject? options, bool dryRun, CancellationToken cancellationToken)
    {
        var resource = objects.Resource;
        var propagation = options is null ? null : ObjectJson.GetString(options, "propagationPolicy");
        var finalizers = ObjectJson.Finalizers(current);
        if (propagation is "Foreground" && !finalizers.Contains("foregroundDeletion"))
            finalizers.Add("foregroundDeletion");
        if (propagation is "Orphan" && !finalizers.Contains("orphan"))
            finalizers.Add("orphan");
        if (NamespaceFinalization.Applies(resource)
            && (!NamespaceFinalization.IsMarked(current) || NamespaceFinalization.SpecFinalizers(current).Count > 0 || finalizers.Count > 0))
        {
            // Upstream's namespace registry: the first DELETE starts termination; the namespace controller (and whoever
            // else holds a finalizer) then empties it, and it goes with the last finalizer.
            if (NamespaceFinalization.IsMarked(current) && finalizers.SequenceEqual(ObjectJson.Finalizers(current)))
                return (current, false);
            var terminating = NamespaceFinalization.MarkTerminating(current, ObjectMeta.FormatTime(time.GetUtcNow()));
            if (finalizers.Count > 0)
                ObjectJson.Metadata(terminating)["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            return (dryRun ? terminating : await objects.UpdateAsync(terminating, revision, cancellationToken), false);
        }

        var grace = GracefulDeletion.GracePeriodSeconds(resource, current, options);
        if (finalizers.Count > 0 || grace is not null)
        {
            // Deletion starts: the object stays, marked, until its finalizers are removed (or its node agent
            // has stopped a pod's containers).
            var marked = (JsonObject)current.DeepClone();
            var metadata = ObjectJson.Metadata(marked);
            metadata["deletionTimestamp"] ??= ObjectMeta.FormatTime(time.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] ??= grace ?? 0;
            if (finalizers.Count > 0)
                metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            if (dryRun)
                return (marked, false);
            if (JsonNode.DeepEquals(marked, current))
                return (current, false);
            return (await objects.UpdateAsync(marked, revision, cancellationToken), false);
        }
        if (dryRun)
            return (current, true);
        var gone = await objects.DeleteAsync(ns, name, new DeletePreconditions(Revision: revision), cancellationToken);
        // Frees what the object held (a Service's cluster IP and node ports) now that it is gone for good.
        await hooks.AfterDeleteAsync(resource, gone, CancellationToken.None);
        return (gone, true);
    }

    private async Task WriteDeletedAsync(HttpContext context, ResourceDefinition resource, JsonObject deleted, int status)
    {
        if (resource.DeleteReturnsObject)
        {
            await WriteObjectAsync(context, deleted, status);
            return;
        }
        var success = StatusSuccess.Build(resource, ObjectJson.Name(deleted), ObjectJson.GetString(ObjectJson.Metadata(deleted), "uid"));
        await WriteJsonAsync(context, success, status, MediaTypes.Json);
    }

    /// <summary>
    /// Deletes every matching object as a DELETE of each would (admission, finalizers, graceful deletion of pods),
    /// as upstream's deletecollection does; the answer lists what went or was marked.
    /// </summary>
    private async Task DeleteCollectionAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var filter = ObjectFilters.FromQuery(context.Request.Query, objects.Resource);
        var options = await ReadDeleteOptionsAsync(context);
        var dryRun = IsDryRun(context) || DryRunValues(options).Contains(DryRunAll);
        var ns = objects.Resource.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;
        var page = await objects.ListAsync(new ListRequest(objects.Resource.StorageResource, ns), context.RequestAborted);
        var deleted = new JsonArray();
        foreach (var item in page.Items)
        {
            var obj = objects.ToObject(item.Value, item.Revision);
            if (!filter.Matches(obj))
                continue;
            var itemInfo = info with { Namespace = ObjectJson.Namespace(obj), Name = ObjectJson.Name(obj) };
            var admissionRequest = Admission(context, objects.Resource, itemInfo, AdmissionOperation.Delete, null, obj);
            await admission.MutateAsync(admissionRequest, context.RequestAborted);
            await admission.ValidateAsync(admissionRequest, context.RequestAborted);
            try
            {
                var (result, _) = await DeleteExistingAsync(objects, itemInfo.Namespace, itemInfo.Name, obj, item.Revision, options, dryRun, context.RequestAborted);
                deleted.Add(result);
            }
            catch (ApiException exception) when (exception.Code is StatusCodes.Status404NotFound or StatusCodes.Status409Conflict)
            {
                // Deleted or changed by someone else meanwhile: a later deletecollection (the namespace controller's
                // next pass) sees it again.
            }
        }
        var list = new JsonObject
        {
            ["kind"] = objects.Resource.ListKind,
            ["apiVersion"] = objects.Resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = page.Revision.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await WriteJsonAsync(context, list, StatusCodes.Status200OK, MediaTypes.Json);
    }

    /// <summary>The dryRun values of a DeleteOptions body.</summary>
    private static List<string> DryRunValues(JsonObject? options) =>
        options?["dryRun"] is JsonArray values ? [.. values.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")] : [];

    private static async Task<JsonObject?> ReadDeleteOptionsAsync(HttpContext context)
    {
        JsonObject? options = null;
        var body = await ReadBytesAsync(context);
        if (body.Length > 0)
        {
            // Helm 4 and kubectl >= 1.32 send DeleteOptions as protobuf.
            options = MediaTypes.BodyType(context.Request.ContentType) == MediaTypes.Protobuf
                ? ProtobufDecoder.Decode(body)
                : ObjectJson.ParseObject(body);
        }
        var query = context.Request.Query;
        if (NullIfEmpty(query["propagationPolicy"]) is { } policy)
            (options ??= [])["propagationPolicy"] = policy;
        if (ParseInt(query["gracePeriodSeconds"], "gracePeriodSeconds") is int grace)
            (options ??= [])["gracePeriodSeconds"] = grace;
        ValidateDryRun(context, "delete", DryRunValues(options));
        var propagation = options is null ? null : ObjectJson.GetString(options, "propagationPolicy");
        if (propagation is not (null or "Foreground" or "Background" or "Orphan"))
            throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{propagation}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        return options;
    }
}
