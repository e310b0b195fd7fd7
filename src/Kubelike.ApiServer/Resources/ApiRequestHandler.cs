using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Conversion;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Protobuf;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.ApiMachinery.Selectors;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization;
using Kubelike.ApiServer.Discovery;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Serves every request under /api and /apis: discovery documents, and the REST verbs of every registered
/// resource. Kind-specific behaviour comes from the <see cref="ResourceDefinition"/>, never from branches here.
/// </summary>
internal sealed class ApiRequestHandler(ResourceRegistry registry, IObjectStore store, DiscoveryDocuments discovery, IAuthorizer authorizer, TimeProvider time)
{
    private const int MaxBodyBytes = 3 * 1024 * 1024;
    private const string BookmarkEnd = "k8s.io/initial-events-end";
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var watch = IsTrue(request.Query["watch"]);
        var info = RequestInfoParser.Parse(request.Method, request.Path.Value ?? "", watch, registry)
            ?? throw NotFoundPath();
        var user = AuthenticationMiddleware.GetUser(context) ?? throw ApiException.Unauthorized();
        if (authorizer.Authorize(user, info) is { } denied)
        {
            throw ApiException.ForbiddenForUser(user.Name, info.Verb, info.Group, info.Resource, info.Subresource, info.Namespace, info.Name, denied);
        }
        if (info.IsDiscovery)
        {
            await ServeDiscoveryAsync(context, info);
            return;
        }

        var resource = registry.Find(info.Group, info.Version, info.Resource) ?? throw NotFoundPath();
        if (info.Subresource.Length > 0 && !(info.Subresource == "status" || (info.Subresource == "scale" && resource.HasScale)))
            throw ApiException.NotFound(resource.Group, $"{resource.Plural}/{info.Subresource}", info.Name);
        if (!resource.Verbs.Contains(info.Verb) && !(info.Subresource.Length > 0 && info.Verb is "get" or "update" or "patch"))
            throw ApiException.MethodNotSupported(resource.Group, resource.Plural, info.Verb);
        if (resource.Namespaced && info.Namespace.Length == 0 && info.Verb is not ("list" or "watch"))
            throw NotFoundPath();

        var objects = new ResourceStore(store, resource);
        var cancellation = context.RequestAborted;
        if (info.Subresource == "scale")
        {
            await ScaleAsync(context, objects, info);
            return;
        }
        switch (info.Verb)
        {
            case "get":
                await WriteObjectAsync(context, await GetExistingAsync(objects, info, cancellation), StatusCodes.Status200OK);
                break;
            case "list":
                await ListAsync(context, objects, info);
                break;
            case "watch":
                await WatchAsync(context, objects, info);
                break;
            case "create":
                await CreateAsync(context, objects, info);
                break;
            case "update":
                await UpdateAsync(context, objects, info, await ReadBodyAsync(context));
                break;
            case "patch":
                await PatchAsync(context, objects, info);
                break;
            case "delete":
                await DeleteAsync(context, objects, info);
                break;
            case "deletecollection":
                await DeleteCollectionAsync(context, objects, info);
                break;
            default:
                throw ApiException.MethodNotSupported(resource.Group, resource.Plural, info.Verb);
        }
    }

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

    private static async Task<JsonObject> GetExistingAsync(ResourceStore objects, RequestInfo info, CancellationToken cancellation) =>
        (await objects.GetAsync(info.Namespace, info.Name, cancellation))?.Object
            ?? throw ApiException.NotFound(objects.Resource, info.Name);

    private async Task ListAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var query = context.Request.Query;
        var filter = ObjectFilters.FromQuery(query, objects.Resource);
        // Any int64 is a valid limit upstream; no page is larger than an int anyway.
        var limit = ParseLong(query["limit"], "limit") is long requested ? (int)Math.Min(requested, int.MaxValue) : 0;
        var continueToken = NullIfEmpty(query["continue"]);
        var revision = ParseRevision(query["resourceVersion"]);
        var match = NullIfEmpty(query["resourceVersionMatch"]);
        if (match is not null and not ("Exact" or "NotOlderThan"))
            throw ApiException.BadRequest($"resourceVersionMatch: Unsupported value: \"{match}\": supported values: \"Exact\", \"NotOlderThan\"");
        if (continueToken is not null && revision is > 0)
            throw ApiException.BadRequest("specifying resource version is not allowed when using continue");
        // "0" means any recent state and the latest is one; NotOlderThan N is served by the latest too.
        long? atRevision = match == "Exact" ? revision : null;

        var ns = objects.Resource.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;
        var items = new List<JsonObject>();
        long listRevision;
        string? next = continueToken;
        long? remaining;
        // With a selector, keep reading pages until the limit is filled, as kube-apiserver does.
        while (true)
        {
            var page = await objects.ListAsync(new ListRequest(objects.Resource.StorageResource, ns, limit > 0 ? limit - items.Count : 0, next, atRevision, CountRemaining: filter.IsEverything), context.RequestAborted);
            listRevision = page.Revision;
            foreach (var item in page.Items)
            {
                var obj = objects.ToObject(item.Value, item.Revision);
                if (filter.Matches(obj))
                    items.Add(obj);
            }
            next = page.Continue;
            remaining = page.RemainingItemCount;
            atRevision = null;
            if (next is null || limit == 0 || items.Count >= limit)
                break;
        }

        var tableVersion = MediaTypes.AcceptedTableVersion(context.Request.Headers.Accept.ToString());
        if (tableVersion is not null)
        {
            var table = TableWriter.Table(objects.Resource, items, tableVersion, IncludeObject(query), time.GetUtcNow());
            table["metadata"] = ListMetadata(listRevision, next, remaining);
            await WriteJsonAsync(context, table, StatusCodes.Status200OK, tableVersion == "v1" ? MediaTypes.TableV1 : MediaTypes.TableV1Beta1);
            return;
        }
        var list = new JsonObject
        {
            ["kind"] = objects.Resource.ListKind,
            ["apiVersion"] = objects.Resource.ApiVersion,
            ["metadata"] = ListMetadata(listRevision, next, remaining),
            ["items"] = new JsonArray([.. items]),
        };
        await WriteJsonAsync(context, list, StatusCodes.Status200OK, MediaTypes.Json);
    }

    private static JsonObject ListMetadata(long revision, string? next, long? remaining)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
            if (remaining is not null)
                metadata["remainingItemCount"] = remaining;
        }
        return metadata;
    }

    private async Task WatchAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var query = context.Request.Query;
        var filter = ObjectFilters.FromQuery(query, objects.Resource);
        var revisionText = NullIfEmpty(query["resourceVersion"]);
        var revision = ParseRevision(revisionText);
        var bookmarks = IsTrue(query["allowWatchBookmarks"]);
        var sendInitialEvents = NullIfEmpty(query["sendInitialEvents"]);
        if (sendInitialEvents is not null && !IsTrue(query["sendInitialEvents"]))
            sendInitialEvents = null;
        if (sendInitialEvents is not null && (query["resourceVersionMatch"] != "NotOlderThan" || !bookmarks))
            throw ApiException.Invalid(objects.Resource, "", [FieldError.Forbidden("sendInitialEvents", "sendInitialEvents requires resourceVersionMatch=NotOlderThan and allowWatchBookmarks=true")]);
        var timeout = ParseInt(query["timeoutSeconds"], "timeoutSeconds") is int seconds && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30 + Random.Shared.Next(30));
        var ns = objects.Resource.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;
        var tableVersion = MediaTypes.AcceptedTableVersion(context.Request.Headers.Accept.ToString());

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        var token = deadline.Token;

        // Without a revision (or "0"), the watch starts with the current state as ADDED events.
        var initial = new List<JsonObject>();
        long after;
        if (revision is null or 0 || sendInitialEvents is not null)
        {
            var state = await objects.ListAsync(new ListRequest(objects.Resource.StorageResource, ns), token);
            after = state.Revision;
            initial.AddRange(state.Items.Select(i => objects.ToObject(i.Value, i.Revision)).Where(filter.Matches));
        }
        else
        {
            after = revision.Value;
        }

        IObjectWatch watchStream;
        try
        {
            watchStream = await objects.WatchAsync(ns, after, token);
        }
        catch (ApiException exception) when (exception.Code == StatusCodes.Status410Gone)
        {
            // A too-old revision is an ERROR event in a 200 stream, not an HTTP error.
            await using var expired = await WatchWriter.StartAsync(context, tableVersion, objects.Resource, time);
            await expired.WriteErrorAsync(exception);
            return;
        }

        await using (watchStream)
        await using (var writer = await WatchWriter.StartAsync(context, tableVersion, objects.Resource, time))
        {
            foreach (var obj in initial)
                await writer.WriteAsync("ADDED", obj, token);
            if (sendInitialEvents is not null)
                await writer.WriteBookmarkAsync(after, BookmarkEnd, token);

            using var bookmarkTimer = bookmarks ? new PeriodicTimer(BookmarkInterval) : null;
            var bookmarkTicks = bookmarkTimer is null ? null : Task.Run(async () =>
            {
                while (await bookmarkTimer.WaitForNextTickAsync(token))
                    watchStream.RequestProgress();
            }, token);
            try
            {
                await foreach (var e in watchStream.ReadAllAsync(token))
                {
                    if (e.Type == WatchEventType.Progress)
                    {
                        if (bookmarks)
                            await writer.WriteBookmarkAsync(e.Revision, null, token);
                        continue;
                    }
                    if (tableVersion is null && filter.IsEverything)
                    {
                        // Every plain watcher of this resource sends the same line for this event: encode it once.
                        await writer.WriteLineAsync(SharedEventLines.Get(e, objects), token);
                        continue;
                    }
                    var current = e.Type == WatchEventType.Deleted ? null : objects.ToObject(e.Value, e.Revision);
                    var previous = e.Type switch
                    {
                        WatchEventType.Modified => objects.ToObject(e.PrevValue, e.PrevRevision),
                        WatchEventType.Deleted => objects.ToObject(e.Value, e.Revision),
                        _ => null,
                    };
                    var nowMatches = current is not null && filter.Matches(current);
                    var wasMatching = previous is not null && filter.Matches(previous);
                    switch (e.Type)
                    {
                        case WatchEventType.Added when nowMatches:
                            await writer.WriteAsync("ADDED", current!, token);
                            break;
                        case WatchEventType.Modified when nowMatches && wasMatching:
                            await writer.WriteAsync("MODIFIED", current!, token);
                            break;
                        case WatchEventType.Modified when nowMatches:
                            await writer.WriteAsync("ADDED", current!, token);
                            break;
                        case WatchEventType.Modified when wasMatching:
                            // It left this watcher's selection: to this watcher it is gone.
                            var left = objects.ToObject(e.Value, e.Revision);
                            await writer.WriteAsync("DELETED", left, token);
                            break;
                        case WatchEventType.Deleted when wasMatching:
                            await writer.WriteAsync("DELETED", previous!, token);
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // timeoutSeconds reached or the client left: end the stream cleanly.
            }
            catch (StorageException exception)
            {
                await writer.WriteErrorAsync(new ApiException(410, StatusReasons.Expired, exception.Message));
            }
            if (bookmarkTicks is not null)
            {
                try
                {
                    await bookmarkTicks;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    private async Task CreateAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var resource = objects.Resource;
        var obj = await ReadBodyAsync(context);
        CheckKind(obj, resource);
        obj = Decode(context, obj, resource);
        var metadata = ObjectJson.Metadata(obj);
        if (resource.Namespaced)
        {
            var bodyNamespace = ObjectJson.GetString(metadata, "namespace");
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != info.Namespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            metadata["namespace"] = info.Namespace;
            await RequireNamespaceAsync(info.Namespace, context.RequestAborted);
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
            metadata["name"] = prefix + RandomSuffix();
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = ObjectJson.Timestamp(time.GetUtcNow());
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (obj.ContainsKey("spec"))
            metadata["generation"] = 1;
        var errors = ObjectMetaValidation.Validate(obj, resource);
        if (errors.Count > 0)
            throw ApiException.Invalid(resource, ObjectJson.Name(obj), errors);
        if (IsDryRun(context))
        {
            ObjectJson.Metadata(obj)["resourceVersion"] = "";
            await WriteObjectAsync(context, obj, StatusCodes.Status201Created);
            return;
        }
        var created = await objects.CreateAsync(obj, context.RequestAborted);
        await WriteObjectAsync(context, created, StatusCodes.Status201Created);
    }

    private async Task UpdateAsync(HttpContext context, ResourceStore objects, RequestInfo info, JsonObject obj)
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

        var existing = await objects.GetAsync(info.Namespace, info.Name, context.RequestAborted)
            ?? throw ApiException.NotFound(resource, info.Name);
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
        else
        {
            updated = obj;
            if (resource.HasStatus)
                updated["status"] = current["status"]?.DeepClone();
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
        // An unconditional update (no resourceVersion) applies to what is stored now, as upstream fills it in.
        var updatedMeta = ObjectJson.Metadata(updated);
        if (string.IsNullOrEmpty(ObjectJson.GetString(updatedMeta, "resourceVersion")))
            updatedMeta["resourceVersion"] = existing.Revision.ToString(CultureInfo.InvariantCulture);
        var errors = ObjectMetaValidation.Validate(updated, resource);
        errors.AddRange(ObjectMetaValidation.ValidateUpdate(updated, current));
        if (errors.Count > 0)
            throw ApiException.Invalid(resource, info.Name, errors);
        var finalizersBefore = ObjectJson.Finalizers(current);
        if (currentMetadata["deletionTimestamp"] is not null && ObjectJson.Finalizers(updated).Except(finalizersBefore).Any())
            throw ApiException.Invalid(resource, info.Name, [FieldError.Forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted")]);
        if (IsDryRun(context))
        {
            await WriteObjectAsync(context, updated, StatusCodes.Status200OK);
            return;
        }
        var saved = await objects.UpdateAsync(updated, existing.Revision, context.RequestAborted);
        if (currentMetadata["deletionTimestamp"] is not null && ObjectJson.Finalizers(saved).Count == 0)
        {
            // The last finalizer is gone from an object being deleted: now it really goes.
            var gone = await objects.DeleteAsync(info.Namespace, info.Name, null, context.RequestAborted);
            await WriteObjectAsync(context, gone, StatusCodes.Status200OK);
            return;
        }
        await WriteObjectAsync(context, saved, StatusCodes.Status200OK);
    }

    private async Task PatchAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var type = MediaTypes.BodyType(context.Request.ContentType);
        if (type != "application/merge-patch+json")
            throw ApiException.UnsupportedMediaType(["application/merge-patch+json"]);
        var patch = await ReadBodyAsync(context);
        var existing = await GetExistingAsync(objects, info, context.RequestAborted);
        var patched = MergePatch.Apply(existing, patch) as JsonObject ?? throw ApiException.BadRequest("the patch must produce an object");
        // A resourceVersion in the patch makes it conditional; otherwise the patch applies to what is stored now.
        if (ObjectJson.GetString(ObjectJson.Metadata(patch), "resourceVersion") is null)
            ObjectJson.Metadata(patched).Remove("resourceVersion");
        await UpdateAsync(context, objects, info, patched);
    }

    /// <summary>
    /// The scale subresource (autoscaling/v1 Scale) of deployments, replicasets, statefulsets and replication
    /// controllers: a view of spec.replicas, status.replicas and the selector; writes change only spec.replicas.
    /// </summary>
    private static async Task ScaleAsync(HttpContext context, ResourceStore objects, RequestInfo info)
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
        var body = await ReadBodyAsync(context);
        var requested = info.Verb == "patch"
            ? MergePatch.Apply(scale, body) as JsonObject ?? throw ApiException.BadRequest("the patch must produce an object")
            : body;
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
        var saved = await objects.UpdateAsync(updated, existing.Revision, context.RequestAborted);
        await WriteJsonAsync(context, Scale(saved), StatusCodes.Status200OK, MediaTypes.Json);
    }

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

    private async Task DeleteAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var resource = objects.Resource;
        var options = await ReadDeleteOptionsAsync(context);
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

        var propagation = options is null ? null : ObjectJson.GetString(options, "propagationPolicy");
        var finalizers = ObjectJson.Finalizers(current);
        if (propagation is "Foreground" && !finalizers.Contains("foregroundDeletion"))
            finalizers.Add("foregroundDeletion");
        if (propagation is "Orphan" && !finalizers.Contains("orphan"))
            finalizers.Add("orphan");
        if (IsDryRun(context))
        {
            await WriteDeletedAsync(context, resource, current, StatusCodes.Status200OK);
            return;
        }
        var grace = GracefulDeletion.GracePeriodSeconds(resource, current, options);
        if (finalizers.Count > 0 || grace is not null)
        {
            // Deletion starts: the object stays, marked, until its finalizers are removed (or its node agent
            // has stopped a pod's containers).
            var marked = (JsonObject)current.DeepClone();
            var metadata = ObjectJson.Metadata(marked);
            metadata["deletionTimestamp"] ??= ObjectJson.Timestamp(time.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] ??= grace ?? 0;
            if (finalizers.Count > 0)
                metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            var saved = await objects.UpdateAsync(marked, existing.Revision, context.RequestAborted);
            await WriteObjectAsync(context, saved, propagation is null ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
            return;
        }
        var deleted = await objects.DeleteAsync(info.Namespace, info.Name, new DeletePreconditions(Revision: existing.Revision), context.RequestAborted);
        await WriteDeletedAsync(context, resource, deleted, StatusCodes.Status200OK);
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

    private static async Task DeleteCollectionAsync(HttpContext context, ResourceStore objects, RequestInfo info)
    {
        var filter = ObjectFilters.FromQuery(context.Request.Query, objects.Resource);
        var ns = objects.Resource.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;
        var page = await objects.ListAsync(new ListRequest(objects.Resource.StorageResource, ns), context.RequestAborted);
        var deleted = new JsonArray();
        foreach (var item in page.Items)
        {
            var obj = objects.ToObject(item.Value, item.Revision);
            if (!filter.Matches(obj))
                continue;
            try
            {
                deleted.Add(await objects.DeleteAsync(ObjectJson.Namespace(obj), ObjectJson.Name(obj), null, context.RequestAborted));
            }
            catch (ApiException exception) when (exception.Code == StatusCodes.Status404NotFound)
            {
                // Deleted by someone else meanwhile: the outcome is the same.
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

    private async Task RequireNamespaceAsync(string ns, CancellationToken cancellation)
    {
        var namespaces = registry.Find("", "v1", "namespaces")!;
        var found = await new ResourceStore(store, namespaces).GetAsync("", ns, cancellation) ?? throw ApiException.NotFound(namespaces, ns);
        if (ObjectJson.Metadata(found.Object)["deletionTimestamp"] is not null)
            throw ApiException.Forbidden(namespaces.Group, namespaces.Plural, ns, $"unable to create new content in namespace {ns} because it is being terminated");
    }

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

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        var type = MediaTypes.BodyType(context.Request.ContentType);
        if (type is not ("application/json" or "application/merge-patch+json" or "application/yaml" or MediaTypes.Protobuf))
            throw ApiException.UnsupportedMediaType(["application/json", "application/yaml", MediaTypes.Protobuf, "application/merge-patch+json"]);
        var body = await ReadBytesAsync(context);
        return type switch
        {
            "application/yaml" => YamlToJson.Convert(System.Text.Encoding.UTF8.GetString(body)),
            // kubectl >= 1.32 generators and Helm >= 3.17 write protobuf with no JSON fallback.
            MediaTypes.Protobuf => ProtobufDecoder.Decode(body),
            _ => ObjectJson.ParseObject(body),
        };
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

    private static async Task<byte[]> ReadBytesAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
            throw ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<JsonObject?> ReadDeleteOptionsAsync(HttpContext context)
    {
        JsonObject? options = null;
        var body = await ReadBytesAsync(context);
        if (body.Length > 0)
            options = ObjectJson.ParseObject(body);
        var query = context.Request.Query;
        if (NullIfEmpty(query["propagationPolicy"]) is { } policy)
            (options ??= [])["propagationPolicy"] = policy;
        if (ParseInt(query["gracePeriodSeconds"], "gracePeriodSeconds") is int grace)
            (options ??= [])["gracePeriodSeconds"] = grace;
        var propagation = options is null ? null : ObjectJson.GetString(options, "propagationPolicy");
        if (propagation is not (null or "Foreground" or "Background" or "Orphan"))
            throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{propagation}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        return options;
    }

    private static bool IsDryRun(HttpContext context) => context.Request.Query["dryRun"].Any(v => v == "All");

    private static string IncludeObject(IQueryCollection query) => NullIfEmpty(query["includeObject"]) switch
    {
        null or "Metadata" => "Metadata",
        "None" => "None",
        "Object" => "Object",
        var other => throw ApiException.BadRequest($"includeObject: Unsupported value: \"{other}\": supported values: \"Object\", \"Metadata\", \"None\""),
    };

    private async Task WriteObjectAsync(HttpContext context, JsonObject obj, int status)
    {
        var tableVersion = MediaTypes.AcceptedTableVersion(context.Request.Headers.Accept.ToString());
        if (tableVersion is not null && ObjectJson.Name(obj).Length > 0 && registry.FindByKind(ObjectJson.GetString(obj, "apiVersion") ?? "", ObjectJson.GetString(obj, "kind") ?? "") is { } resource)
        {
            var table = TableWriter.Table(resource, [obj], tableVersion, IncludeObject(context.Request.Query), time.GetUtcNow());
            table["metadata"] = new JsonObject { ["resourceVersion"] = ObjectJson.GetString(ObjectJson.Metadata(obj), "resourceVersion") };
            await WriteJsonAsync(context, table, status, tableVersion == "v1" ? MediaTypes.TableV1 : MediaTypes.TableV1Beta1);
            return;
        }
        await WriteJsonAsync(context, obj, status, MediaTypes.Json);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonNode node, int status, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter.AsStream(), JsonOutput.Writer);
        node.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        });
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) => value.Count > 0 && (value[0] is "true" or "1" or "True");

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();

    private static int? ParseInt(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        var text = NullIfEmpty(value);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw ApiException.BadRequest($"invalid value for {name}: {text}");
    }

    private static long? ParseLong(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        var text = NullIfEmpty(value);
        if (text is null)
            return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw ApiException.BadRequest($"invalid value for {name}: {text}");
    }

    private static long? ParseRevision(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw ApiException.BadRequest($"invalid resource version: {text}");
    }

    private static long? ParseRevision(Microsoft.Extensions.Primitives.StringValues value) => ParseRevision(NullIfEmpty(value));
}
