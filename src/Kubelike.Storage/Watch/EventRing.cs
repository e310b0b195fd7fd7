namespace Kubelike.Storage.Watch;

/// <summary>
/// The most recent events of every resource, in revision order, fixed capacity. <see cref="Floor"/> is the
/// revision after which the ring holds every event: a watch starting at or after it catches up from memory.
/// Not thread-safe; <see cref="WatchHub"/> guards it.
/// </summary>
internal sealed class EventRing(int capacity, long floor)
{
    private readonly WatchEvent[] _events = new WatchEvent[Math.Max(1, capacity)];
    private int _start;
    private int _count;

    public long Floor { get; private set; } = floor;

    public void Add(WatchEvent watchEvent)
    {
        if (_count == _events.Length)
        {
            Floor = _events[_start].Revision;
            _events[_start] = watchEvent;
            _start = (_start + 1) % _events.Length;
            return;
        }
        _events[(_start + _count) % _events.Length] = watchEvent;
        _count++;
    }

    /// <summary>Forget everything: events after <paramref name="floor"/> start arriving afresh.</summary>
    public void Reset(long floor)
    {
        Array.Clear(_events);
        _start = 0;
        _count = 0;
        Floor = floor;
    }

    /// <summary>Events with revision &gt; <paramref name="after"/> that match the filter, oldest first.</summary>
    public List<WatchEvent> CopyAfter(long after, string resource, string? ns)
    {
        var result = new List<WatchEvent>();
        for (var i = 0; i < _count; i++)
        {
            var e = _events[(_start + i) % _events.Length];
            if (e.Revision > after && Watcher.Matches(e.Key, resource, ns))
                result.Add(e);
        }
        return result;
    }
}
