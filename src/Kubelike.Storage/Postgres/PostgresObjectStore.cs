using System.Data;
using Kubelike.Storage.Watch;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// <see cref="IObjectStore"/> on PostgreSQL. Writes go through one <see cref="GroupCommitWriter"/> per instance;
/// reads go straight to PostgreSQL; watches are served from memory by a <see cref="WatchHub"/> fed by one
/// <see cref="PostgresChangeFeed"/>. Several instances (servers) may share one database.
/// </summary>
public sealed class PostgresObjectStore : IObjectStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly WatchHub _hub;
    private readonly PostgresChangeFeed _feed;
    private readonly GroupCommitWriter _writer;
    private readonly PostgresCompactor _compactor;
    private readonly ILogger _logger;
    private int _disposed;

    private PostgresObjectStore(NpgsqlDataSource dataSource, string listenConnectionString, PostgresStoreOptions options, long revision, ILogger logger)
    {
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
        _hub = new WatchHub(options.EventRingCapacity, options.WatcherQueueCapacity, revision, options.RecentObjectCapacity);
        _feed = new PostgresChangeFeed(dataSource, listenConnectionString, _hub, options, logger);
        _writer = new GroupCommitWriter(dataSource, options.MaxWriteBatch, _feed.PublishLocal, () => _feed.OthersListening, logger);
        _compactor = new PostgresCompactor(dataSource, options, logger);
    }

    /// <summary>The application_name of the change feed's LISTEN connection (visible in pg_stat_activity).</summary>
    public const string ListenerApplicationName = "kubelike-change-feed";

    /// <summary>Connects, applies migrations and starts the change feed and the compactor.</summary>
    public static async Task<PostgresObjectStore> OpenAsync(string connectionString, PostgresStoreOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var logger = loggerFactory.CreateLogger("Kubelike.Storage");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        builder.ApplicationName ??= "kubelike";
        var listen = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, MaxAutoPrepare = 0, ApplicationName = ListenerApplicationName };
        if (listen.KeepAlive == 0)
            listen.KeepAlive = 15;

        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource, logger, cancellationToken);
            var revisions = await ReadRevisionsAsync(dataSource, cancellationToken);
            logger.LogInformation("storage: ready at revision {Current} (compacted to {Compacted})", revisions.Current, revisions.Compacted);
            return new PostgresObjectStore(dataSource, listen.ConnectionString, options, revisions.Current, logger);
        }
        catch (Exception exception)
        {
            await dataSource.DisposeAsync();
            throw PostgresErrors.Translate(exception);
        }
    }

    /// <summary>Whether this instance's commits currently NOTIFY (another server's change feed listens).</summary>
    internal bool NotifiesOtherServers => _feed.OthersListening;

    /// <summary>Watches currently open on this instance.</summary>
    public int WatcherCount => _hub.WatcherCount;

    /// <summary>The newest revision this instance's watchers have been offered.</summary>
    public long WatchRevision => _hub.Revision;

    public async Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        try
        {
            await using var command = _dataSource.CreateCommand(
                "SELECT revision, create_revision, uid, value FROM kl_objects WHERE resource = $1 AND namespace = $2 AND name = $3");
            AddKey(command.Parameters, key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            return new StoredObject(key, reader.GetFieldValue<byte[]>(3), reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        catch (Exception exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    public StoredObject? GetRecent(ObjectKey key) => _hub.Recent.Get(key);

    public Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> value, string? uid = null, CancellationToken cancellationToken = default) =>
        Write(new WriteOperation(WriteKind.Create, key, value, uid, null, null, cancellationToken));

    public Task<StoredObject> UpdateAsync(ObjectKey key, ReadOnlyMemory<byte> value, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        Write(new WriteOperation(WriteKind.Update, key, value, null, expectedRevision, null, cancellationToken));

    public Task<StoredObject> DeleteAsync(ObjectKey key, DeletePreconditions? preconditions = null, CancellationToken cancellationToken = default) =>
        Write(new WriteOperation(WriteKind.Delete, key, ReadOnlyMemory<byte>.Empty, null, preconditions?.Revision, preconditions?.Uid, cancellationToken));

    private Task<StoredObject> Write(WriteOperation operation)
    {
        ValidateKey(operation.Key);
        return _writer.SubmitAsync(operation).WaitAsync(operation.CancellationToken);
    }

    public async Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Resource))
            throw new StorageException(StorageErrorCode.BadRequest, "a list needs a resource");
        if (request.Limit < 0)
            throw new StorageException(StorageErrorCode.BadRequest, $"limit must not be negative, got {request.Limit}");
        var start = string.IsNullOrEmpty(request.Continue) ? null : ContinueToken.Decode(request.Continue, request.Resource);

        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            // One snapshot for the revision check and the rows, so the page is exactly the state at its revision.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var revisions = await ReadRevisionsAsync(connection, transaction, cancellationToken);
            var revision = start?.Revision ?? request.Revision ?? revisions.Current;
            if (revision > revisions.Current)
                throw new StorageException(StorageErrorCode.RevisionTooLarge, $"too large resource version: {revision}, current: {revisions.Current}");
            var atLatest = revision == revisions.Current;
            if (!atLatest && revision < revisions.Compacted)
            {
                throw new StorageException(StorageErrorCode.Expired,
                    start is null
                        ? $"too old resource version: {revision} ({revisions.Compacted})"
                        : "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.")
                { CompactedRevision = revisions.Compacted };
            }

            var query = new ListQuery(request.Resource, request.Namespace, start, revision, atLatest);
            var items = new List<StoredObject>(request.Limit > 0 ? Math.Min(request.Limit + 1, 10_000) : 64);
            await using (var page = query.PageCommand(connection, transaction, request.Limit))
            await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    items.Add(ListQuery.Read(reader, request.Resource));
            }

            string? next = null;
            long? remaining = null;
            if (request.Limit > 0 && items.Count > request.Limit)
            {
                items.RemoveAt(items.Count - 1);
                var last = items[^1].Key;
                var token = new ContinueToken(revision, request.Resource, last.Namespace, last.Name);
                next = token.Encode();
                if (request.CountRemaining)
                {
                    var after = new ListQuery(request.Resource, request.Namespace, token, revision, atLatest);
                    await using var count = after.CountCommand(connection, transaction);
                    remaining = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return new ListResult(items, revision, next, remaining);
        }
        catch (Exception exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    public async Task<IObjectWatch> WatchAsync(WatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Resource))
            throw new StorageException(StorageErrorCode.BadRequest, "a watch needs a resource");
        if (request.AfterRevision < 0)
            throw new StorageException(StorageErrorCode.BadRequest, $"revision must not be negative, got {request.AfterRevision}");
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        var after = request.AfterRevision ?? (await GetRevisionsAsync(cancellationToken)).Current;
        var watcher = new Watcher(_hub, request.Resource, request.Namespace, after, _options.WatcherQueueCapacity);
        if (_hub.Register(watcher) is not long upTo)
            return watcher;
        try
        {
            // The start is older than the in-memory ring: catch up from the table, up to where live events begin.
            watcher.SetCatchUp(await ReadHistoryAsync(watcher, upTo, cancellationToken));
            return watcher;
        }
        catch (Exception exception)
        {
            _hub.Unregister(watcher);
            throw PostgresErrors.Translate(exception);
        }
    }

    private async Task<List<WatchEvent>> ReadHistoryAsync(Watcher watcher, long upTo, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var revisions = await ReadRevisionsAsync(connection, transaction, cancellationToken);
        if (watcher.StartRevision < revisions.Compacted)
        {
            throw new StorageException(StorageErrorCode.Expired, $"too old resource version: {watcher.StartRevision} ({revisions.Compacted})")
            { CompactedRevision = revisions.Compacted };
        }
        var sql = $"SELECT {EventReader.Columns} FROM kl_events WHERE revision > $1 AND revision <= $2 AND resource = $3"
            + (watcher.Namespace is null ? "" : " AND namespace = $4") + " ORDER BY revision";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = watcher.StartRevision });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = watcher.Resource });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = watcher.Namespace ?? "" });
        var events = new List<WatchEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                events.Add(EventReader.Read(reader));
        }
        await transaction.CommitAsync(cancellationToken);
        return events;
    }

    public async Task<StoreRevisions> GetRevisionsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadRevisionsAsync(_dataSource, cancellationToken);
        }
        catch (Exception exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    /// <summary>Runs compaction now (it also runs on its own every <see cref="PostgresStoreOptions.CompactionInterval"/>).</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _compactor.CompactAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    /// <summary>Queues a progress marker (bookmark) to every open watch.</summary>
    public void BroadcastProgress() => _hub.BroadcastProgress();

    private const string RevisionsSql = "SELECT r.current, c.compacted FROM kl_revision r, kl_compaction c WHERE r.id = 1 AND c.id = 1";

    private static async Task<StoreRevisions> ReadRevisionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadRevisionsAsync(connection, null, cancellationToken);
    }

    private static async Task<StoreRevisions> ReadRevisionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RevisionsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreRevisions(reader.GetInt64(0), reader.GetInt64(1));
    }

    private static void AddKey(NpgsqlParameterCollection parameters, ObjectKey key)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Resource });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Namespace });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Name });
    }

    private static void ValidateKey(ObjectKey key)
    {
        if (string.IsNullOrEmpty(key.Resource) || string.IsNullOrEmpty(key.Name) || key.Namespace is null)
            throw new StorageException(StorageErrorCode.BadRequest, $"invalid key {key}: resource and name are required");
        if (key.Resource.Contains('\0', StringComparison.Ordinal) || key.Namespace.Contains('\0', StringComparison.Ordinal) || key.Name.Contains('\0', StringComparison.Ordinal))
            throw new StorageException(StorageErrorCode.BadRequest, $"invalid key {key}: NUL characters are not allowed");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _writer.DisposeAsync();
        await _compactor.DisposeAsync();
        await _feed.DisposeAsync();
        _hub.CloseAll();
        await _dataSource.DisposeAsync();
        _logger.LogInformation("storage: closed");
    }
}
