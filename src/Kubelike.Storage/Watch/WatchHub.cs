namespace Kubelike.Storage.Watch;

/// <summary>
/// Fans the change feed out to watchers. The feed hands over events strictly in revision order, gap-free;
/// the hub records them in a ring and offers each to the watchers of its resource under one lock, so every
/// watcher's queue is in revision order and a progress marker is always queued behind the events it covers.
/// </summary>
internal sealed class WatchHub(int ringCapacity, int watcherCapacity, long startRevision, int recentCapacity = 0)
{
    private readonly Lock _gate = new();
    private readonly EventRing _ring = new(ringCapacity, startRevision);
    private readonly Dictionary<string, List<Watcher>> _watchers = new(StringComparer.Ordinal);

    public int WatcherCapacity { get; } = watcherCapacity;

    /// <summary>The newest state of each object dispatched, as the guess of conditional writes.</summary>
    public RecentObjects Recent { get; } = new(recentCapacity);

    /// <summary>The newest revision handed to watchers; every event up to it has been offered.</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
                return _revision;
        }
    }

    private long _revision = startRevision;

    public int WatcherCount
    {
        get
        {
            lock (_gate)
                return _watchers.Values.Sum(list => list.Count);
        }
    }

    /// <summary>
    /// Registers a watcher. Returns null when the ring covered the catch-up (already set on the watcher), or the
    /// revision up to which the caller must read catch-up events (after <see cref="Watcher.StartRevision"/>) from PostgreSQL.
    /// </summary>
    public long? Register(Watcher watcher)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue(watcher.Resource, out var list))
                _watchers[watcher.Resource] = list = [];
            list.Add(watcher);
            if (watcher.StartRevision >= _revision)
                return null;
            if (watcher.StartRevision >= _ring.Floor)
            {
                watcher.SetCatchUp(_ring.CopyAfter(watcher.StartRevision, watcher.Resource, watcher.Namespace));
                return null;
            }
            return _revision;
        }
    }

    public void Unregister(Watcher watcher)
    {
        lock (_gate)
        {
            watcher.Close(null);
            if (_watchers.TryGetValue(watcher.Resource, out var list))
                list.Remove(watcher);
        }
    }

    /// <summary>Hands over the next events; <paramref name="events"/> must continue <see cref="Revision"/> without a gap.</summary>
    public void Dispatch(IReadOnlyList<WatchEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (e.Revision != _revision + 1)
                    throw new InvalidOperationException($"watch hub expected revision {_revision + 1} but got {e.Revision}");
                _revision = e.Revision;
                _ring.Add(e);
                Recent.Record(e);
            }

            // One hand-over per watcher per resource of the batch, not per event: each is a lock the watcher's reader
            // contends for. The watchers of a resource share the batch's array.
            foreach (var batch in events.GroupBy(e => e.Key.Resource, StringComparer.Ordinal))
            {
                if (!_watchers.TryGetValue(batch.Key, out var list))
                    continue;
                var shared = batch.ToArray();
                foreach (var watcher in list)
                    watcher.Offer(shared);
                list.RemoveAll(w => w.Closed);
            }
        }
    }

    /// <summary>
    /// The history the hub depended on is gone (the feed fell behind compaction): every watcher may have missed
    /// events, so all are closed with Expired and the hub continues from <paramref name="revision"/>.
    /// </summary>
    public void Reset(long revision, long compacted)
    {
        lock (_gate)
        {
            foreach (var list in _watchers.Values)
            {
                foreach (var watcher in list)
                {
                    watcher.Close(new StorageException(StorageErrorCode.Expired,
                        $"watch of {watcher.Resource} expired: history up to revision {compacted} was compacted before it was delivered")
                    { CompactedRevision = compacted });
                }
                list.Clear();
            }
            _revision = revision;
            _ring.Reset(revision);
            Recent.Clear();
        }
    }

    public void RequestProgress(Watcher watcher)
    {
        lock (_gate)
            watcher.OfferProgress(_revision);
    }

    /// <summary>Queues a progress marker to every watcher (periodic bookmarks).</summary>
    public void BroadcastProgress()
    {
        lock (_gate)
        {
            foreach (var list in _watchers.Values)
            {
                foreach (var watcher in list)
                    watcher.OfferProgress(_revision);
            }
        }
    }

    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var list in _watchers.Values)
            {
                foreach (var watcher in list)
                    watcher.Close(new StorageException(StorageErrorCode.Unavailable, "storage unavailable: the store is shutting down"));
                list.Clear();
            }
        }
    }
}
