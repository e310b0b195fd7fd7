using Kubelike.Storage;

namespace Kubelike.Server.Tests.TestSupport;

/// <summary>An object store whose revision query does whatever the test says; everything else is unused.</summary>
internal sealed class FakeObjectStore(Func<CancellationToken, Task<StoreRevisions>> getRevisions) : IObjectStore
{
    public Task<StoreRevisions> GetRevisionsAsync(CancellationToken cancellationToken = default) => getRevisions(cancellationToken);

    public Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> value, string? uid = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StoredObject> UpdateAsync(ObjectKey key, ReadOnlyMemory<byte> value, long? expectedRevision = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StoredObject> DeleteAsync(ObjectKey key, DeletePreconditions? preconditions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IObjectWatch> WatchAsync(WatchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
