using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// What every watcher of a resource derives from one store event, derived once: the watch hub hands the same
/// <see cref="WatchEvent"/> instance to all watchers, so with 100 nodes each watching its own pods an event is parsed
/// twice (before and after) for all their field selectors instead of twice per watcher, and each event line is
/// encoded once. The lines live as long as the event (in the store's event ring); the parsed objects only as long as
/// the garbage collector leaves them, since a ring of parsed pods would cost ten times its bytes: watchers read an
/// event within moments of each other, and one that comes late parses it again.
/// </summary>
internal sealed class SharedWatchEvent
{
    private static readonly ConditionalWeakTable<WatchEvent, ConcurrentDictionary<string, SharedWatchEvent>> Events = new();

    private readonly WatchEvent _event;
    private readonly ResourceStore _objects;
    private WeakReference<JsonObject>? _after;
    private WeakReference<JsonObject>? _before;
    private readonly ConcurrentDictionary<string, byte[]> _lines = new(StringComparer.Ordinal);

    private SharedWatchEvent(WatchEvent e, ResourceStore objects)
    {
        _event = e;
        _objects = objects;
    }

    public static SharedWatchEvent Of(WatchEvent e, ResourceStore objects)
    {
        var perResource = Events.GetValue(e, _ => new ConcurrentDictionary<string, SharedWatchEvent>(StringComparer.Ordinal));
        // Versions of one resource share the stored event but not apiVersion/kind.
        return perResource.GetOrAdd(objects.Resource.ApiVersion + "/" + objects.Resource.Kind, _ => new SharedWatchEvent(e, objects));
    }

    /// <summary>The object after the change (for a deletion, its last state). Shared: read it, never change it.</summary>
    public JsonObject After => Parsed(ref _after, _event.Value, _event.Revision);

    /// <summary>The object before a modification; null for other events. Shared: read it, never change it.</summary>
    public JsonObject? Before => _event.Type == WatchEventType.Modified ? Parsed(ref _before, _event.PrevValue, _event.PrevRevision) : null;

    /// <summary>The state a watcher's filter judges as "now": none once the object is deleted.</summary>
    public JsonObject? Current => _event.Type == WatchEventType.Deleted ? null : After;

    /// <summary>The state a watcher's filter judges as "was": the old object of a modification, the last state of a deletion.</summary>
    public JsonObject? Previous => _event.Type switch
    {
        WatchEventType.Modified => Before,
        WatchEventType.Deleted => After,
        _ => null,
    };

    /// <summary>
    /// The JSON watch line a watcher sends under an event type: a watcher sees a modification as ADDED when the object
    /// enters its selection and as DELETED when it leaves, the latter carrying the object as it was, under the event's
    /// resourceVersion (as kube-apiserver's watch cache does).
    /// </summary>
    public byte[] Line(string type) => _lines.GetOrAdd(type, t => WatchWriter.EventLine(t, CopyFor(t)));

    /// <summary>A fresh copy of what <see cref="Line"/> sends, for a writer that transforms it (tables).</summary>
    public JsonObject CopyFor(string type) => _event.Type == WatchEventType.Modified && type == "DELETED"
        ? _objects.ToObject(_event.PrevValue, _event.Revision)
        : _objects.ToObject(_event.Value, _event.Revision);

    /// <summary>
    /// The parsed object if the collector left it, else a new parse, published without a lock: watchers waiting on a
    /// lock spin on the CPU the parse needs, while at worst a parse per core is repeated.
    /// </summary>
    private JsonObject Parsed(ref WeakReference<JsonObject>? cache, ReadOnlyMemory<byte> value, long revision)
    {
        var seen = Volatile.Read(ref cache);
        if (seen is not null && seen.TryGetTarget(out var obj))
            return obj;
        obj = Frozen(_objects.ToObject(value, revision));
        var published = Interlocked.CompareExchange(ref cache, new WeakReference<JsonObject>(obj), seen);
        return published is not null && published != seen && published.TryGetTarget(out var other) ? other : obj;
    }

    /// <summary>
    /// Builds every node of a parsed object up front: JsonObject fills its property table lazily on first access,
    /// which is not safe when several watchers read it at once; fully built, concurrent reads are.
    /// </summary>
    private static JsonObject Frozen(JsonObject obj)
    {
        Build(obj);
        return obj;
    }

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var property in o)
                    Build(property.Value);
                break;
            case JsonArray a:
                foreach (var item in a)
                    Build(item);
                break;
        }
    }
}
