using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Conversion;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.ApiMachinery.Validation;
using Kubelike.ApiServer.Admission;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Registry;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: create, update and patch.</summary>
internal sealed partial class ApiRequestHandler
{
    private async Task CreateAsync(HttpContext context, ResourceStore objects, RequestInfo info) =>
        await CreateObjectAsync(context, objects, info, await ReadBodyAsync(context), trackManagedFields: true);

    private async Task CreateObjectAsync(HttpContext context, ResourceStore objects, RequestInfo info, JsonObject obj, bool trackManagedFields)
    {
        var resource = objects.Resource;
        CheckKind(obj, resource);
        obj = Decode(context, obj, resource);
        var metadata = ObjectJson.Metadata(obj);
        if (resource.Namespaced)
        {
            var bodyNamespace = ObjectJson.GetString(metadata, "namespace");
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != info.Namespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            metadata["namespace"] = info.Namespace;
        }
        else
        {
            metadata.Remove("namespace");
        }
        var name = ObjectJson.GetString(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            var prefix = ObjectJson.GetString(metadata, "generateName");
            if (string.IsNullOrEmpty(prefix))
                throw ApiException.Invalid(resource, "", [FieldError.Required("metadata.name", "name or generateName is required")]);
            metadata["name"] = ObjectNames.Generate(prefix);
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = ObjectMeta.FormatTime(time.GetUtcNow());
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (obj.ContainsKey("spec"))
            metadata["generation"] = 1;
        if (NamespaceFinalization.Applies(resource))
            NamespaceFinalization.PrepareForCreate(obj);
        ObjectDefaulter.ApplyOnCreate(resource, obj);
        if (trackManagedFields)
            TrackManagedFields(context, resource, info, null, obj);
        var admissionRequest = Admission(context, resource, info, AdmissionOperation.Create, obj, null);
        await admission.MutateAsync(admissionRequest, context.RequestAborted);
        // Allocations (a Service's cluster IP) happen before validation, as upstream's BeginCreate, and are undone when nothing is stored.
        var finish = await hooks.BeginCreateAsync(resource, obj, IsDryRun(context), context.RequestAborted);
        JsonObject created;
        var stored = false;
        try
        {
            var errors = ObjectMetaValidation.Validate(obj, resource);
            errors.AddRange(ObjectValidation.ValidateCreate(resource, obj));
            if (errors.Count > 0)
                throw ApiException.Invalid(resource, ObjectJson.Name(obj), errors);
            await admission.ValidateAsync(admissionRequest, context.RequestAborted);
            if (IsDryRun(context))
            {
                ObjectJson.Metadata(obj)["resourceVersion"] = "";
                created = obj;
            }
            else
            {
                created = await objects.CreateAsync(obj, context.RequestAborted);
                stored = true;
            }
        }
        finally
        {
            await finish(stored);
        }
        await WriteObjectAsync(context, created, StatusCodes.Status201Created);
    }

    private async Task UpdateAsync(HttpContext context, ResourceStore objects, RequestInfo info, JsonObject obj, bool trackManagedFields = true)
    {
        var resource = objects.Resource;
        CheckKind(obj, resource);
        obj = Decode(context, obj, resource);
        var metadata = ObjectJson.Metadata(obj);
        var bodyName = ObjectJson.GetString(metadata, "name");
        if (!string.IsNullOrEmpty(bodyName) && bodyName != info.Name)
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({info.Name})");
        metadata["name"] = info.Name;
        if (resource.Namespaced)
            metadata["namespace"] = info.Namespace;
        var expected = ParseRevision(ObjectJson.GetString(metadata, "resourceVersion"));

        // First against the state the store remembers, without reading it back (as upstream's watch cache hands
        // GuaranteedUpdate its cached object); whatever fails there before the write may be the guess being stale,
        // so it runs once more against the stored object, which alone decides the answer.
        var written = false;
        if (!IsDryRun(context) && objects.GetRecent(info.Namespace, info.Name) is { } recent)
        {
            try
            {
                await UpdateFromAsync(recent, recent: true);
                return;
            }
            catch (ApiException) when (!written && !context.Response.HasStarted)
            {
            }
        }

        var existing = await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted)
            ?? throw ApiException.NotFound(resource, info.Name);
        await UpdateFromAsync(existing, recent: false);

        async Task UpdateFromAsync((JsonObject Object, long Revision) existing, bool recent)
        {
            var current = existing.Object;
            var currentMetadata = ObjectJson.Metadata(current);
            if (expected is long rv && rv != existing.Revision)
                throw ApiException.Conflict(resource, info.Name);

            JsonObject updated;
            if (info.Subresource == "status")
            {
                // /status takes only .status; everything else stays as stored.
                updated = (JsonObject)current.DeepClone();
                updated["status"] = obj["status"]?.DeepClone();
            }
            else if (info.Subresource == NamespaceFinalization.FinalizeSubresource)
            {
                // /finalize takes only spec.finalizers.
                updated = NamespaceFinalization.Finalize(current, obj);
            }
            else
            {
                // The body itself becomes the object, unless a second attempt may need it as sent.
                updated = recent ? (JsonObject)obj.DeepClone() : obj;
                if (NamespaceFinalization.Applies(resource))
                    NamespaceFinalization.KeepSpecFinalizers(updated, current);
                if (resource.HasStatus && current["status"] is { } status)
                    updated["status"] = status.DeepClone();
                else if (resource.HasStatus)
                    updated.Remove("status");
                var updatedMetadata = ObjectJson.Metadata(updated);
                foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
                {
                    updatedMetadata.Remove(field);
                    if (currentMetadata[field] is { } value)
                        updatedMetadata[field] = value.DeepClone();
                }
                if (updated.ContainsKey("spec") && !ObjectJson.SpecEquals(current, updated))
                {
                    var generation = currentMetadata["generation"]?.GetValue<long>() ?? 0;
                    updatedMetadata["generation"] = generation + 1;
                }
            }
            if (trackManagedFields)
                TrackManagedFields(context, resource, info, current, updated);
            // An unconditional update (no resourceVersion) applies to what is stored now, as upstream fills it in.
            var updatedMeta = ObjectJson.Metadata(updated);
            if (string.IsNullOrEmpty(ObjectJson.GetString(updatedMeta, "resourceVersion")))
                updatedMeta["resourceVersion"] = existing.Revision.ToString(CultureInfo.InvariantCulture);
            var admissionRequest = Admission(context, resource, info, AdmissionOperation.Update, updated, current);
            await admission.MutateAsync(admissionRequest, context.RequestAborted);
            var finish = info.Subresource == "status"
                ? null
                : await hooks.BeginUpdateAsync(resource, updated, current, IsDryRun(context), context.RequestAborted);
            JsonObject saved;
            var stored = false;
            try
            {
                (saved, stored) = await ValidateAndSaveAsync();
            }
            finally
            {
                if (finish is not null)
                    await finish(stored);
            }
            if (stored && currentMetadata["deletionTimestamp"] is not null && ObjectJson.Finalizers(saved).Count == 0
                && !(NamespaceFinalization.Applies(resource) && NamespaceFinalization.SpecFinalizers(saved).Count > 0))
            {
                // The last finalizer is gone from an object being deleted: now it really goes.
                var gone = await objects.DeleteAsync(info.Namespace, info.Name, null, context.RequestAborted);
                await hooks.AfterDeleteAsync(resource, gone, CancellationToken.None);
                await WriteObjectAsync(context, gone, StatusCodes.Status200OK);
                return;
            }
            await WriteObjectAsync(context, saved, StatusCodes.Status200OK);

            // The object to answer with, and whether it was written (not for a dry run or an update that changes nothing).
            async Task<(JsonObject Saved, bool Stored)> ValidateAndSaveAsync()
            {
                var errors = ObjectMetaValidation.Validate(updated, resource);
                errors.AddRange(ObjectMetaValidation.ValidateUpdate(updated, current));
                errors.AddRange(info.Subresource == "status"
                    ? ObjectValidation.ValidateStatusUpdate(resource, updated, current)
                    : ObjectValidation.ValidateUpdate(resource, updated, current));
                if (errors.Count > 0)
                    throw ApiException.Invalid(resource, info.Name, errors);
                await admission.ValidateAsync(admissionRequest, context.RequestAborted);
                var finalizersBefore = ObjectJson.Finalizers(current);
                if (currentMetadata["deletionTimestamp"] is not null && ObjectJson.Finalizers(updated).Except(finalizersBefore).Any())
                    throw ApiException.Invalid(resource, info.Name, [FieldError.Forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted")]);
                if (IsDryRun(context))
                    return (updated, false);
                if (ObjectJson.SameExceptResourceVersion(updated, current))
                {
                    // Nothing changed: upstream writes nothing and the resourceVersion stays. Only the stored object can say
                    // so: against a remembered one, go and read it.
                    if (recent)
                        throw ApiException.Conflict(resource, info.Name);
                    return (current, false);
                }
                var result = await objects.UpdateAsync(updated, existing.Revision, context.RequestAborted);
                written = true;
                return (result, true);
            }
        }
    }

    /// <summary>
    /// PATCH: JSON patch, merge patch or (for kinds with a model type) strategic merge patch, applied to the stored object
    /// and written as an update, so that everything an update runs (decoding, defaulting, validation, dryRun) runs.
    /// A patch that sets metadata.resourceVersion is conditional; any other one is retried when the object changed
    /// between reading and writing it, as upstream retries. A patch that changes nothing is not written.
    /// </summary>
    private async Task PatchAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var modelType = ModelTypes.Find(objects.Resource);
        var patchType = RequirePatchType(context, modelType);
        var duplicates = new List<string>();
        var patch = ParsePatch(context, await ReadBytesAsync(context), duplicates);
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt patches the state the store remembers (no read); if anything fails there, or the patch
            // changes nothing, the remembered state may be stale: the next attempt patches the stored object.
            var recent = attempt == 1 && !IsDryRun(context) ? objects.GetRecent(info.Namespace, info.Name) : null;
            var existing = recent ?? await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted)
                ?? throw ApiException.NotFound(objects.Resource, info.Name);
            try
            {
                var patched = ApplyPatch(patchType, existing.Object, patch, modelType);
                if (JsonNode.DeepEquals(patched, existing.Object))
                {
                    if (recent is not null)
                        continue;
                    // A patch that changes nothing writes nothing: no new resourceVersion, no watch event (as upstream).
                    await WriteObjectAsync(context, existing.Object, StatusCodes.Status200OK);
                    return;
                }
                RefuseUnknownPatchFields(context, objects.Resource, patchType, patch, patched, duplicates);
                var conditional = ObjectJson.GetString(ObjectJson.Metadata(patched), "resourceVersion") != ObjectJson.GetString(ObjectJson.Metadata(existing.Object), "resourceVersion");
                try
                {
                    await UpdateAsync(context, objects, info, patched);
                    return;
                }
                catch (ApiException exception) when (exception.Code == StatusCodes.Status409Conflict && exception.Reason == StatusReasons.Conflict
                    && !conditional && attempt < MaxPatchAttempts)
                {
                    // Someone wrote in between: apply the patch again to what is stored now.
                }
            }
            catch (ApiException) when (recent is not null && !context.Response.HasStarted)
            {
            }
        }
    }

    private static AdmissionRequest Admission(HttpContext context, ResourceDefinition resource, RequestInfo info, AdmissionOperation operation, JsonObject? obj, JsonObject? old) =>
        new(resource, info.Subresource, operation, info.Namespace, obj is null ? info.Name : ObjectJson.Name(obj), obj, old,
            AuthenticationMiddleware.GetUser(context) ?? throw ApiException.Unauthorized(), IsDryRun(context));

    private static void CheckKind(JsonObject obj, ResourceDefinition resource)
    {
        var apiVersion = ObjectJson.GetString(obj, "apiVersion");
        var kind = ObjectJson.GetString(obj, "kind");
        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
            throw ApiException.BadRequest($"the kind of the object in the data ({kind}) does not match the kind of the resource ({resource.Kind})");
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.ApiVersion)
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
    }

    /// <summary>Decodes the object through its schema per <c>fieldValidation</c> (default Warn); warnings go out as Warning headers.</summary>
    private static JsonObject Decode(HttpContext context, JsonObject obj, ResourceDefinition resource)
    {
        var validation = NullIfEmpty(context.Request.Query["fieldValidation"]) switch
        {
            null or "Warn" => FieldValidation.Warn,
            "Ignore" => FieldValidation.Ignore,
            "Strict" => FieldValidation.Strict,
            var other => throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
        };
        var warnings = new List<string>();
        var decoded = ObjectDecoder.Decode(obj, resource, validation, warnings);
        // Defaults are part of decoding upstream: clients (Helm's readiness checks) rely on them being there.
        ObjectDefaulter.Apply(resource, decoded);
        WriteConversions.Apply(resource, decoded);
        foreach (var warning in warnings)
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        return decoded;
    }
}
