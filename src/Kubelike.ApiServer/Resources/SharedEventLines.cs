using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// The encoded watch line of a store event, made once and shared by every unfiltered JSON watcher of the
/// resource: the watch hub hands the same <see cref="WatchEvent"/> instance to all of them, so with 1,000
/// watchers an event is parsed and serialized once instead of 1,000 times. Entries live as long as the event.
/// </summary>
internal static class SharedEventLines
{
    private static readonly ConditionalWeakTable<WatchEvent, ConcurrentDictionary<string, byte[]>> Lines = new();

    public static byte[] Get(WatchEvent e, ResourceStore objects)
    {
        var perResource = Lines.GetValue(e, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
        // Versions of one resource share the stored event but not apiVersion/kind.
        return perResource.GetOrAdd(objects.Resource.ApiVersion + "/" + objects.Resource.Kind, _ =>
        {
            var type = e.Type switch
            {
                WatchEventType.Added => "ADDED",
                WatchEventType.Modified => "MODIFIED",
                _ => "DELETED",
            };
            return WatchWriter.EventLine(type, objects.ToObject(e.Value, e.Revision));
        });
    }
}
