namespace Kubelike.Storage;

/// <summary>
/// One object as the store holds it: opaque JSON bytes plus the revisions the store assigned.
/// <see cref="Revision"/> is the revision of the last write (the object's resourceVersion).
/// </summary>
public sealed record StoredObject(
    ObjectKey Key,
    ReadOnlyMemory<byte> Value,
    long Revision,
    long CreateRevision,
    string? Uid);
