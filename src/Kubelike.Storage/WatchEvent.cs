namespace Kubelike.Storage;

/// <summary>
/// One change. For <see cref="WatchEventType.Deleted"/>, <see cref="Value"/> is the object's last state and
/// <see cref="Revision"/> the revision of the delete. <see cref="PrevValue"/> is the state before a modification
/// (so a filtered watcher can tell an object left its selection); it is empty for Added and Deleted.
/// For <see cref="WatchEventType.Progress"/> only <see cref="Revision"/> is meaningful.
/// </summary>
public sealed record WatchEvent(
    WatchEventType Type,
    ObjectKey Key,
    ReadOnlyMemory<byte> Value,
    long Revision,
    long CreateRevision,
    ReadOnlyMemory<byte> PrevValue,
    long PrevRevision,
    string? Uid);
