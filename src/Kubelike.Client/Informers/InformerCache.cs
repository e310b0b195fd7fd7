using Kubelike.Client.Rest;

namespace Kubelike.Client.Informers;

/// <summary>
/// An informer's local copy of the objects, keyed by <c>namespace/name</c> (see <see cref="ObjectAccessor.GetKey"/>),
/// with secondary indexes (by namespace, by controller uid, custom). Thread-safe; readers get snapshots. Treat the
/// objects as read-only: they are shared with every other reader of the cache.
/// </summary>
public sealed class InformerCache<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
                return _items.Count;
        }
    }

    public T? Get(string key)
    {
        lock (_gate)
            return _items.GetValueOrDefault(key);
    }

    /// <summary>The object <paramref name="name"/> in <paramref name="ns"/> (null or empty for cluster-scoped).</summary>
    public T? Get(string? ns, string name) => Get(string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}");

    public IReadOnlyList<T> List()
    {
        lock (_gate)
            return [.. _items.Values];
    }

    public IReadOnlyList<string> ListKeys()
    {
        lock (_gate)
            return [.. _items.Keys];
    }

    /// <summary>Adds an index; existing objects are indexed at once. A name may be used once.</summary>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexFunction)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexFunction);
        lock (_gate)
        {
            if (!_indexers.TryAdd(name, indexFunction))
                throw new InvalidOperationException($"an indexer named \"{name}\" exists already");
            var index = _indices[name] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (key, item) in _items)
                AddToIndex(index, indexFunction, key, item);
        }
    }

    /// <summary>The objects whose index <paramref name="indexName"/> yields <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            if (!_indices.TryGetValue(indexName, out var index))
                throw new KeyNotFoundException($"no indexer named \"{indexName}\"");
            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>The values an index has objects for (e.g. every namespace seen).</summary>
    public IReadOnlyList<string> IndexValues(string indexName)
    {
        lock (_gate)
        {
            if (!_indices.TryGetValue(indexName, out var index))
                throw new KeyNotFoundException($"no indexer named \"{indexName}\"");
            return [.. index.Keys];
        }
    }

    /// <summary>Stores an object and returns the one it replaced.</summary>
    internal T? Upsert(string key, T item)
    {
        lock (_gate)
        {
            var old = _items.GetValueOrDefault(key);
            if (old is not null)
                Unindex(key, old);
            _items[key] = item;
            Index(key, item);
            return old;
        }
    }

    internal T? Remove(string key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
                return null;
            Unindex(key, old);
            return old;
        }
    }

    private void Index(string key, T item)
    {
        foreach (var (name, function) in _indexers)
            AddToIndex(_indices[name], function, key, item);
    }

    private void Unindex(string key, T item)
    {
        foreach (var (name, function) in _indexers)
        {
            var index = _indices[name];
            foreach (var value in function(item))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                    index.Remove(value);
            }
        }
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> index, Func<T, IEnumerable<string>> function, string key, T item)
    {
        foreach (var value in function(item))
        {
            if (!index.TryGetValue(value, out var keys))
                index[value] = keys = new HashSet<string>(StringComparer.Ordinal);
            keys.Add(key);
        }
    }
}
