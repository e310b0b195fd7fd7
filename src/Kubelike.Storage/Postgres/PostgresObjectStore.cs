using Microsoft.Extensions.Logging;

namespace Kubelike.Storage.Postgres;

/// <summary>Stub: replaced by the real implementation.</summary>
public sealed class PostgresObjectStore : IObjectStore, IAsyncDisposable
{
    public static Task<PostgresObjectStore> OpenAsync(string connectionString, PostgresStoreOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> value, string? uid = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoredObject> UpdateAsync(ObjectKey key, ReadOnlyMemory<byte> value, long? expectedRevision = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoredObject> DeleteAsync(ObjectKey key, DeletePreconditions? preconditions = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IObjectWatch> WatchAsync(WatchRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoreRevisions> GetRevisionsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
