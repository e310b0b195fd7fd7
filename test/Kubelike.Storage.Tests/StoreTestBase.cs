using System.Text;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Storage.Tests;

/// <summary>A fresh database per fixture and helpers to open stores on it.</summary>
public abstract class StoreTestBase
{
    private readonly List<PostgresObjectStore> _stores = [];

    protected string ConnectionString { get; set; } = "";

    protected PostgresObjectStore Store { get; private set; } = null!;

    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Store = await OpenStoreAsync();
    }

    [OneTimeTearDown]
    public async Task CloseStores()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
    }

    protected virtual PostgresStoreOptions Options() => new() { PollInterval = TimeSpan.FromMilliseconds(200) };

    protected async Task<PostgresObjectStore> OpenStoreAsync(PostgresStoreOptions? options = null)
    {
        var store = await PostgresObjectStore.OpenAsync(ConnectionString, options ?? Options(), NullLoggerFactory.Instance);
        _stores.Add(store);
        return store;
    }

    protected static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>A resource name unique to the calling test, so tests in one fixture never see each other's keys.</summary>
    protected static string UniqueResource(string prefix = "things") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Reads events until <paramref name="count"/> arrived or the deadline passed.</summary>
    protected static async Task<List<WatchEvent>> ReadEventsAsync(IObjectWatch watch, int count, TimeSpan? deadline = null)
    {
        var events = new List<WatchEvent>();
        using var timeout = new CancellationTokenSource(deadline ?? Deadline);
        try
        {
            await foreach (var e in watch.ReadAllAsync(timeout.Token))
            {
                events.Add(e);
                if (events.Count == count)
                    break;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
        return events;
    }
}
