using Kubelike.Storage;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.Server;

/// <summary>Opens the object store once the datastore is up and closes it before the datastore goes down.</summary>
internal sealed class ObjectStoreService(DatastoreConnection datastore, ILoggerFactory loggerFactory, ILogger<ObjectStoreService> logger)
    : IHostedService, IAsyncDisposable
{
    private PostgresObjectStore? _store;

    public IObjectStore Store => _store ?? throw new InvalidOperationException("the object store is not open");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("opening the object store on {Datastore}", datastore.Description);
        _store = await PostgresObjectStore.OpenAsync(datastore.ConnectionString, new PostgresStoreOptions(), loggerFactory, cancellationToken);
        var revisions = await _store.GetRevisionsAsync(cancellationToken);
        logger.LogInformation("object store open at revision {Revision}", revisions.Current);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _store, null) is { } store)
        {
            await store.DisposeAsync();
        }
    }
}
