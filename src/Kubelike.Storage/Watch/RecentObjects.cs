using System.Collections.Concurrent;

namespace Kubelike.Storage.Watch;

/// <summary>
/// The newest state of each object the watch hub has dispatched: what upstream's watch cache hands its storage as the
/// guess of a conditional update, so a write need not read the object back first. Possibly stale (another server's
/// write still on its way through the change feed); a revision check at the write tells.
/// Bounded: beyond <paramref name="capacity"/> objects, new keys are not remembered (their writes read the store).
/// </summary>
internal sealed class RecentObjects(int capacity)
{
    private readonly ConcurrentDictionary<ObjectKey, StoredObject> _objects = new();
    private int _count; // ConcurrentDictionary.Count takes every lock of the table; the one writer counts instead

    public StoredObject? Get(ObjectKey key) => _objects.TryGetValue(key, out var stored) ? stored : null;

    /// <summary>Records one dispatched event (the hub calls it in revision order, under its lock: one writer).</summary>
    public void Record(WatchEvent e)
    {
        switch (e.Type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                var stored = new StoredObject(e.Key, e.Value, e.Revision, e.CreateRevision, e.Uid);
                if (_objects.ContainsKey(e.Key))
                    _objects[e.Key] = stored;
                else if (_count < capacity && _objects.TryAdd(e.Key, stored))
                    _count++;
                break;
            case WatchEventType.Deleted:
                if (_objects.TryRemove(e.Key, out _))
                    _count--;
                break;
        }
    }

    /// <summary>The hub lost history: nothing remembered can be trusted to be recent.</summary>
    public void Clear()
    {
        _objects.Clear();
        _count = 0;
    }
}
