using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Selectors;
using Kubelike.ApiServer.Negotiation;
using Kubelike.ApiServer.Requests;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: watch.</summary>
internal sealed partial class ApiRequestHandler
{
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

        // Watches end when the server shuts down (as kube-apiserver's do): clients resume elsewhere, and an open
        // stream would otherwise hold a graceful shutdown until its timeout.
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
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
                    var shared = SharedWatchEvent.Of(e, objects);
                    var type = filter.IsEverything ? PlainType(e.Type) : FilteredType(e.Type, filter, shared);
                    if (type is null)
                        continue;
                    // JSON watchers send the shared line; a table writer transforms the object, so it gets a copy.
                    if (tableVersion is null)
                        await writer.WriteLineAsync(shared.Line(type), token);
                    else
                        await writer.WriteAsync(type, shared.CopyFor(type), token);
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

    private static string PlainType(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        _ => "DELETED",
    };

    /// <summary>
    /// The event a selective watcher sees, or null for none: an object entering its selection is ADDED to it, one
    /// leaving it is DELETED.
    /// </summary>
    private static string? FilteredType(WatchEventType type, ObjectFilter filter, SharedWatchEvent e)
    {
        var nowMatches = e.Current is { } current && filter.Matches(current);
        var wasMatching = e.Previous is { } previous && filter.Matches(previous);
        return type switch
        {
            WatchEventType.Added when nowMatches => "ADDED",
            WatchEventType.Modified when nowMatches && wasMatching => "MODIFIED",
            WatchEventType.Modified when nowMatches => "ADDED",
            WatchEventType.Modified when wasMatching => "DELETED",
            WatchEventType.Deleted when wasMatching => "DELETED",
            _ => null,
        };
    }
}
