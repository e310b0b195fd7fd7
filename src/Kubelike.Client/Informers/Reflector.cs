using Kubelike.Client.Rest;
using Kubelike.Client.Watch;
using Microsoft.Extensions.Logging;

namespace Kubelike.Client.Informers;

/// <summary>
/// List, then watch from the list's resourceVersion, forever: a watch that ends (its timeout) or breaks resumes
/// from the last resourceVersion seen (events and bookmarks); a 410 Expired relists from scratch. Failures back off
/// exponentially. What it reads goes to <c>replace</c> (a full list) and <c>apply</c> (one event), in order, from
/// one task.
/// </summary>
internal sealed class Reflector<T>(
    ResourceClient<T> client,
    InformerOptions options,
    Action<IReadOnlyList<T>, string?> replace,
    Action<WatchEvent<T>> apply,
    TimeProvider time,
    ILogger logger)
    where T : class
{
    private long _lists;

    /// <summary>The resourceVersion the next watch starts after.</summary>
    public string? LastSyncResourceVersion { get; private set; }

    /// <summary>How many full lists were made (the first one, and one per relist).</summary>
    public long ListCount => Interlocked.Read(ref _lists);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var needList = true;
        var backoff = options.InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAsync(cancellationToken);
                    needList = false;
                    backoff = options.InitialBackoff;
                }

                if (await WatchAsync(cancellationToken))
                    backoff = options.InitialBackoff;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ResourceVersionExpiredException e)
            {
                // The history we would resume from is gone: start over from a fresh list, at once (as client-go does).
                logger.LogInformation("{Resource}: resourceVersion {ResourceVersion} expired ({Message}); relisting", client.Resource, LastSyncResourceVersion, e.Status.Message);
                needList = true;
            }
#pragma warning disable CA1031 // Every other failure is retried after a backoff; the informer must outlive server restarts.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning("{Resource}: {Phase} failed ({Message}); retrying in {Delay}", client.Resource, needList ? "list" : "watch", e.Message, backoff);
                try
                {
                    await Task.Delay(Jitter(backoff), time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        // A consistent list, page by page from one snapshot: the watch then continues exactly where it ends.
        var items = new List<T>();
        string? resourceVersion = null;
        var page = new ListParameters { LabelSelector = options.LabelSelector, FieldSelector = options.FieldSelector, Limit = options.PageSize };
        while (true)
        {
            var list = await client.ListAsync(options.Namespace, page, cancellationToken);
            resourceVersion ??= list.ResourceVersion;
            items.AddRange(list.Items);
            if (list.Continue is not { } next)
                break;
            page = page with { Continue = next };
        }

        Interlocked.Increment(ref _lists);
        replace(items, resourceVersion);
        LastSyncResourceVersion = resourceVersion;
    }

    /// <summary>One watch until it ends; true when it ended normally (server timeout or close).</summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        var timeout = options.MinWatchTimeout * (1 + Random.Shared.NextDouble());
        var watchOptions = new WatchParameters
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            ResourceVersion = LastSyncResourceVersion,
            AllowWatchBookmarks = true,
            TimeoutSeconds = Math.Max(1, (int)timeout.TotalSeconds),
        };
        await foreach (var e in client.WatchAsync(options.Namespace, watchOptions, cancellationToken))
        {
            if (e.Type != WatchEventType.Bookmark)
                apply(e);
            if (!string.IsNullOrEmpty(e.ResourceVersion))
                LastSyncResourceVersion = e.ResourceVersion;
        }

        return true;
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (1 + (Random.Shared.NextDouble() * 0.2));
}
