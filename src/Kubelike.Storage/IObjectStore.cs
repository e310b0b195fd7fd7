namespace Kubelike.Storage;

/// <summary>
/// The versioned object store every API resource lives in. Keys and opaque bytes only; Kubernetes
/// semantics live above it. Every write gets the next cluster-wide revision; revisions become visible
/// in commit order with no gaps. Failures are <see cref="StorageException"/>s.
/// </summary>
public interface IObjectStore
{
    Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A recent state of the object as this server saw it written (its own writes and the change feed), or null. It may
    /// be stale: use it only as the starting point of a conditional write, whose revision check tells, never as a read.
    /// </summary>
    StoredObject? GetRecent(ObjectKey key) => null;

    /// <summary>Creates the key; <see cref="StorageErrorCode.AlreadyExists"/> if present.</summary>
    Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> value, string? uid = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the value; <see cref="StorageErrorCode.NotFound"/> if absent, <see cref="StorageErrorCode.Conflict"/>
    /// if <paramref name="expectedRevision"/> is given and differs from the stored revision.
    /// </summary>
    Task<StoredObject> UpdateAsync(ObjectKey key, ReadOnlyMemory<byte> value, long? expectedRevision = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the key and returns its last state, with <see cref="StoredObject.Revision"/> set to the revision of the delete.
    /// </summary>
    Task<StoredObject> DeleteAsync(ObjectKey key, DeletePreconditions? preconditions = null, CancellationToken cancellationToken = default);

    Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a watch; <see cref="StorageErrorCode.Expired"/> if the start revision is compacted.</summary>
    Task<IObjectWatch> WatchAsync(WatchRequest request, CancellationToken cancellationToken = default);

    Task<StoreRevisions> GetRevisionsAsync(CancellationToken cancellationToken = default);
}
