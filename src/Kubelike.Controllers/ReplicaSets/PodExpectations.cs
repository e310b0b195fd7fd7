namespace Kubelike.Controllers.ReplicaSets;

/// <summary>
/// The creates and deletes a controller has asked for but not yet seen in its pod informer, per owner key: until
/// they are observed (or expire) the owner is not synced again, so a burst of events never creates pods twice.
/// </summary>
public sealed class PodExpectations(TimeProvider time)
{
    /// <summary>As upstream: an expectation that is never observed stops blocking after five minutes.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = [];

    public void ExpectCreations(string key, int count) => Set(key, e => e.Adds = count);

    public void ExpectDeletions(string key, IEnumerable<string> podKeys) => Set(key, e => e.Deletes = [.. podKeys]);

    public void CreationObserved(string key) => Update(key, e => e.Adds--);

    public void DeletionObserved(string key, string podKey) => Update(key, e => e.Deletes.Remove(podKey));

    public bool Satisfied(string key)
    {
        lock (_gate)
        {
            return !_entries.TryGetValue(key, out var entry)
                || (entry.Adds <= 0 && entry.Deletes.Count == 0)
                || time.GetUtcNow() - entry.SetAt > Timeout;
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
            _entries.Remove(key);
    }

    private void Set(string key, Action<Entry> change)
    {
        lock (_gate)
        {
            var entry = new Entry { SetAt = time.GetUtcNow() };
            change(entry);
            _entries[key] = entry;
        }
    }

    private void Update(string key, Action<Entry> change)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
                change(entry);
        }
    }

    private sealed class Entry
    {
        public int Adds { get; set; }

        public HashSet<string> Deletes { get; set; } = [];

        public DateTimeOffset SetAt { get; init; }
    }
}
