using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Kubelike.Storage.Watch;

/// <summary>
/// One watch: catch-up events (read before registration completed) followed by live events from a queue of
/// batches filled by <see cref="WatchHub"/>. A queue holding more than its capacity closes the watcher instead of
/// blocking the hub.
/// </summary>
internal sealed class Watcher : IObjectWatch
{
    private readonly WatchHub _hub;
    private readonly Channel<WatchEvent[]> _live;
    private readonly int _capacity;
    private int _queued;
    private IReadOnlyList<WatchEvent> _catchUp = [];

    public Watcher(WatchHub hub, string resource, string? ns, long startRevision, int capacity)
    {
        _hub = hub;
        Resource = resource;
        Namespace = ns;
        StartRevision = startRevision;
        // Unbounded with a count of our own: a bounded channel takes a lock on every read and write, which the hub's
        // thread and a reader then fight over for every event; the single-reader unbounded channel does not.
        _capacity = capacity;
        _live = Channel.CreateUnbounded<WatchEvent[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    }

    public string Resource { get; }
    public string? Namespace { get; }
    public long StartRevision { get; }

    internal bool Closed { get; private set; }

    public static bool Matches(ObjectKey key, string resource, string? ns) =>
        string.Equals(key.Resource, resource, StringComparison.Ordinal)
        && (ns is null || string.Equals(key.Namespace, ns, StringComparison.Ordinal));

    internal void SetCatchUp(IReadOnlyList<WatchEvent> events) => _catchUp = events;

    /// <summary>
    /// Called by the hub under its lock, in revision order, with events of this watcher's resource (an array other
    /// watchers share: only the ones this watcher wants count, and only those are read out).
    /// </summary>
    internal void Offer(WatchEvent[] batch)
    {
        if (Closed)
            return;
        var wanted = 0;
        foreach (var e in batch)
        {
            if (Wants(e))
                wanted++;
        }
        if (wanted == 0)
            return;
        if (Interlocked.Add(ref _queued, wanted) > _capacity || !_live.Writer.TryWrite(batch))
        {
            Close(new StorageException(StorageErrorCode.WatcherTooSlow,
                $"watch of {Resource} closed: the watcher fell more than {_hub.WatcherCapacity} events behind"));
        }
    }

    /// <summary>Called by the hub under its lock.</summary>
    internal void OfferProgress(long revision)
    {
        if (Closed)
            return;
        var progress = new WatchEvent(WatchEventType.Progress, new ObjectKey(Resource, Namespace ?? "", ""), ReadOnlyMemory<byte>.Empty,
            Math.Max(revision, StartRevision), 0, ReadOnlyMemory<byte>.Empty, 0, null);
        // A bookmark that does not fit is simply skipped: it carries no change.
        if (Interlocked.Increment(ref _queued) > _capacity || !_live.Writer.TryWrite([progress]))
            Interlocked.Decrement(ref _queued);
    }

    internal void Close(Exception? error)
    {
        if (Closed)
            return;
        Closed = true;
        _live.Writer.TryComplete(error);
    }

    public async IAsyncEnumerable<WatchEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var catchUp = _catchUp;
        _catchUp = [];
        foreach (var e in catchUp)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        await foreach (var batch in _live.Reader.ReadAllAsync(cancellationToken))
        {
            foreach (var e in batch)
            {
                if (e.Type != WatchEventType.Progress && !Wants(e))
                    continue;
                Interlocked.Decrement(ref _queued);
                yield return e;
            }
        }
    }

    private bool Wants(WatchEvent e) => e.Revision > StartRevision && Matches(e.Key, Resource, Namespace);

    public void RequestProgress() => _hub.RequestProgress(this);

    public ValueTask DisposeAsync()
    {
        _hub.Unregister(this);
        return ValueTask.CompletedTask;
    }
}
