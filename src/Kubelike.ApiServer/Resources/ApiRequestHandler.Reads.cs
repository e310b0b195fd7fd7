using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: get and list.</summary>
internal sealed partial class ApiRequestHandler
{
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

    private static string IncludeObject(IQueryCollection query) => NullIfEmpty(query["includeObject"]) switch
    {
        null or "Metadata" => "Metadata",
        "None" => "None",
        "Object" => "Object",
        var other => throw ApiException.BadRequest($"includeObject: Unsupported value: \"{other}\": supported values: \"Object\", \"Metadata\", \"None\""),
    };
}
