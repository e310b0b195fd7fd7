using Kubelike.Client.Rest;
using Kubelike.Client.Watch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Client.Informers;

/// <summary>
/// Keeps a local, indexed copy of a resource (<see cref="Cache"/>) current through one list + watch
/// (<see cref="Reflector{T}"/>), and tells any number of handlers what changed. Register handlers and indexers,
/// <see cref="Start"/> it, wait for <see cref="HasSynced"/> (<see cref="WaitForCacheSyncAsync"/>), then read the
/// cache. <see cref="SharedInformerFactory"/> hands out one per resource so controllers share the watch.
/// </summary>
public sealed class SharedInformer<T> : IAsyncDisposable
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<HandlerRegistration<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Reflector<T> _reflector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public SharedInformer(ResourceClient<T> client, InformerOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Options = options ?? new InformerOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Resource = client.Resource;
        Cache.AddIndexer(CacheIndexers.Namespace, CacheIndexers.ByNamespace);
        _reflector = new Reflector<T>(client, Options, Replace, Apply, _time, _logger);
    }

    public ApiResource Resource { get; }

    public InformerOptions Options { get; }

    /// <summary>The local copy, indexed by namespace (<see cref="CacheIndexers.Namespace"/>) and whatever <see cref="AddIndexer"/> adds.</summary>
    public InformerCache<T> Cache { get; } = new();

    /// <summary>Whether the first list has been stored in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the cache reflects (the last event or bookmark seen).</summary>
    public string? LastSyncResourceVersion => _reflector.LastSyncResourceVersion;

    /// <summary>Full lists made so far: 1 after the start, one more per relist (after a 410).</summary>
    public long ListCount => _reflector.ListCount;

    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexFunction) => Cache.AddIndexer(name, indexFunction);

    /// <summary>
    /// Adds a handler; once synced it first receives an add for every cached object. Dispose the result to remove it.
    /// </summary>
    /// <param name="handler">The handler.</param>
    /// <param name="resyncPeriod">Its resync period; the informer's <see cref="InformerOptions.ResyncPeriod"/> when null.</param>
    public IDisposable AddEventHandler(IResourceEventHandler<T> handler, TimeSpan? resyncPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            var registration = new HandlerRegistration<T>(handler, resyncPeriod ?? Options.ResyncPeriod, Remove, _logger);
            registration.NextResync = _time.GetUtcNow() + registration.ResyncPeriod;
            _handlers.Add(registration);
            if (HasSynced)
            {
                foreach (var item in Cache.List())
                    registration.Added(item, true);
            }

            return registration;
        }
    }

    /// <summary>Starts listing and watching in the background; a second call does nothing.</summary>
    public void Start(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_running is not null)
                return;
            _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var token = _stopping.Token;
            _running = Task.WhenAll(Task.Run(() => _reflector.RunAsync(token), token), Task.Run(() => ResyncLoopAsync(token), token));
        }
    }

    /// <summary>Waits until <see cref="HasSynced"/>; false when cancelled first.</summary>
    public async Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _synced.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops the watch and delivers what handlers have queued.</summary>
    public async Task StopAsync()
    {
        Task? running;
        HandlerRegistration<T>[] handlers;
        lock (_gate)
        {
            running = _running;
            handlers = [.. _handlers];
            _stopping?.Cancel();
        }

        if (running is not null)
        {
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // Stopped before a loop began.
            }
        }

        await Task.WhenAll(handlers.Select(h => h.CompleteAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping?.Dispose();
    }

    private void Remove(HandlerRegistration<T> registration)
    {
        lock (_gate)
            _handlers.Remove(registration);
    }

    /// <summary>A full list: the cache becomes exactly it; objects that vanished are deleted as tombstones.</summary>
    private void Replace(IReadOnlyList<T> items, string? resourceVersion)
    {
        lock (_gate)
        {
            var initial = !HasSynced;
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var key = ObjectAccessor.GetKey(item);
                present.Add(key);
                var old = Cache.Upsert(key, item);
                foreach (var handler in _handlers)
                {
                    if (old is null)
                        handler.Added(item, initial);
                    else
                        handler.Updated(old, item);
                }
            }

            foreach (var key in Cache.ListKeys())
            {
                if (present.Contains(key) || Cache.Remove(key) is not { } gone)
                    continue;
                foreach (var handler in _handlers)
                    handler.Deleted(gone, true);
            }

            _logger.LogDebug("{Resource}: listed {Count} objects at resourceVersion {ResourceVersion}", Resource, items.Count, resourceVersion);
            _synced.TrySetResult();
        }
    }

    private void Apply(WatchEvent<T> e)
    {
        lock (_gate)
        {
            var key = ObjectAccessor.GetKey(e.Item);
            if (e.Type == WatchEventType.Deleted)
            {
                Cache.Remove(key);
                foreach (var handler in _handlers)
                    handler.Deleted(e.Item, false);
                return;
            }

            var old = Cache.Upsert(key, e.Item);
            foreach (var handler in _handlers)
            {
                if (old is null)
                    handler.Added(e.Item, false);
                else
                    handler.Updated(old, e.Item);
            }
        }
    }

    /// <summary>Re-delivers every cached object as an update to each handler whose resync period has passed.</summary>
    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        await _synced.Task.WaitAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                foreach (var handler in _handlers.Where(h => h.ResyncPeriod > TimeSpan.Zero && h.NextResync <= now))
                {
                    foreach (var item in Cache.List())
                        handler.Updated(item, item);
                    handler.NextResync = now + handler.ResyncPeriod;
                }

                var due = _handlers.Where(h => h.ResyncPeriod > TimeSpan.Zero).Select(h => h.NextResync).DefaultIfEmpty(now + TimeSpan.FromSeconds(1)).Min();
                wait = due - now;
            }

            // Handlers added later may have shorter periods: look again at least every second.
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks)), _time, cancellationToken);
        }
    }
}
