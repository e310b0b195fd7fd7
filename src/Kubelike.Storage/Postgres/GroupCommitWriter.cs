using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// The one ordered writer of a store instance. Writes queue here and are committed in groups: one
/// transaction locks the revision row, applies every queued write through <c>kl_write</c> in a single
/// round trip, and commits once, so concurrent writers share one WAL flush. A write whose precondition
/// fails gets its own outcome without disturbing the others; an unexpected SQL error in a group makes the
/// group re-run one write per transaction so only the faulty write fails. Committed writes are handed to
/// <c>committed</c> as watch events, in revision order, so this server's watchers need no read-back.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    public const string NotifyChannel = "kubelike_events";

    // Groups sent while the previous one commits: the next group queues on the revision lock in PostgreSQL
    // and runs the moment the lock is released, instead of after a client round trip.
    private const int InFlightGroups = 2;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatch;
    private readonly Action<IReadOnlyList<WatchEvent>> _committed;
    private readonly Func<bool> _notify;
    private readonly ILogger _logger;
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public GroupCommitWriter(NpgsqlDataSource dataSource, int maxBatch, Action<IReadOnlyList<WatchEvent>> committed, Func<bool> notify, ILogger logger)
    {
        _notify = notify;
        _dataSource = dataSource;
        _maxBatch = maxBatch;
        _committed = committed;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<StoredObject> SubmitAsync(WriteOperation operation)
    {
        if (!_queue.Writer.TryWrite(operation))
            throw new StorageException(StorageErrorCode.Unavailable, "storage unavailable: the store is shutting down");
        return operation.Completion.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var inFlight = new SemaphoreSlim(InFlightGroups);
        var running = new List<Task>();
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                await inFlight.WaitAsync(_stopping.Token);
                var batch = new List<WriteOperation>(_maxBatch);
                while (batch.Count < _maxBatch && reader.TryRead(out var operation))
                {
                    if (operation.CancellationToken.IsCancellationRequested)
                        operation.Completion.TrySetCanceled(operation.CancellationToken);
                    else
                        batch.Add(operation);
                }
                if (batch.Count == 0)
                {
                    inFlight.Release();
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await CommitGroupAsync(batch);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
        while (reader.TryRead(out var left))
            left.Completion.TrySetException(new StorageException(StorageErrorCode.Unavailable, "storage unavailable: the store is shutting down"));
    }

    private async Task CommitGroupAsync(List<WriteOperation> batch)
    {
        try
        {
            var results = await ExecuteAsync(batch);
            var events = new List<WatchEvent>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i].Status == 0)
                    events.Add(ToEvent(batch[i], results[i]));
            }
            if (events.Count > 0)
                _committed(events);
            for (var i = 0; i < batch.Count; i++)
                Complete(batch[i], results[i]);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            foreach (var operation in batch)
                operation.Completion.TrySetException(new StorageException(StorageErrorCode.Unavailable, "storage unavailable: the store is shutting down"));
        }
        catch (Exception exception) when (PostgresErrors.IsUnavailable(exception))
        {
            var error = PostgresErrors.Unavailable(exception);
            foreach (var operation in batch)
                operation.Completion.TrySetException(error);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            // One write broke the group (e.g. a value PostgreSQL rejects). Re-run them one by one so the
            // others still land and only the culprit reports the error.
            _logger.LogWarning(exception, "storage: group commit of {Count} writes failed; retrying them one by one", batch.Count);
            foreach (var operation in batch)
                await CommitGroupAsync([operation]);
        }
        catch (Exception exception)
        {
            batch[0].Completion.TrySetException(new StorageException(StorageErrorCode.BadRequest, $"storage rejected the write: {exception.Message}", exception));
        }
    }

    private async Task<WriteResult[]> ExecuteAsync(List<WriteOperation> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(_stopping.Token);
        await using var transaction = await connection.BeginTransactionAsync(_stopping.Token);
        await using var command = new NpgsqlBatch(connection, transaction);
        command.BatchCommands.Add(new NpgsqlBatchCommand("SELECT kl_begin_writes()"));
        foreach (var operation in batch)
        {
            var write = new NpgsqlBatchCommand("SELECT out_status, out_revision, out_create_revision, out_uid, out_value, out_prev_revision FROM kl_write($1, $2, $3, $4, $5, $6, $7, $8)");
            write.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)operation.Kind });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.Key.Resource });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.Key.Namespace });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.Key.Name });
            write.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = operation.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
            write.Parameters.Add(Nullable(operation.Uid, NpgsqlDbType.Text));
            write.Parameters.Add(Nullable(operation.ExpectedRevision, NpgsqlDbType.Bigint));
            write.Parameters.Add(Nullable(operation.ExpectedUid, NpgsqlDbType.Text));
            command.BatchCommands.Add(write);
        }
        command.BatchCommands.Add(new NpgsqlBatchCommand("SELECT kl_end_writes()"));
        // A wake-up for other servers' change feeds, delivered at commit. It costs every commit a global lock
        // and a signal to each listener, so it is sent only while another server listens.
        if (_notify())
            command.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', current::text) FROM kl_revision WHERE id = 1"));

        var results = new WriteResult[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync(_stopping.Token))
        {
            await reader.NextResultAsync(_stopping.Token); // past kl_begin_writes
            for (var i = 0; i < batch.Count; i++)
            {
                if (!await reader.ReadAsync(_stopping.Token))
                    throw new InvalidOperationException("kl_write returned no row");
                results[i] = new WriteResult(
                    reader.GetInt16(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(4),
                    reader.GetInt64(5));
                await reader.NextResultAsync(_stopping.Token);
            }
            // kl_end_writes and the notification: read through them so any error surfaces before the commit.
            while (await reader.NextResultAsync(_stopping.Token))
            {
            }
        }
        await transaction.CommitAsync(_stopping.Token);
        return results;
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static WatchEvent ToEvent(WriteOperation operation, WriteResult result) => operation.Kind switch
    {
        WriteKind.Create => new WatchEvent(WatchEventType.Added, operation.Key, operation.Value, result.Revision, result.CreateRevision, ReadOnlyMemory<byte>.Empty, 0, result.Uid),
        WriteKind.Update => new WatchEvent(WatchEventType.Modified, operation.Key, operation.Value, result.Revision, result.CreateRevision, result.Value, result.PrevRevision, result.Uid),
        _ => new WatchEvent(WatchEventType.Deleted, operation.Key, result.Value, result.Revision, result.CreateRevision, ReadOnlyMemory<byte>.Empty, result.PrevRevision, result.Uid),
    };

    private static void Complete(WriteOperation operation, WriteResult result)
    {
        var key = operation.Key;
        switch (result.Status)
        {
            case 0:
                var value = operation.Kind == WriteKind.Delete ? result.Value : operation.Value;
                operation.Completion.TrySetResult(new StoredObject(key, value, result.Revision, result.CreateRevision, result.Uid));
                break;
            case 1:
                operation.Completion.TrySetException(new StorageException(StorageErrorCode.AlreadyExists, $"{key} already exists") { CurrentRevision = result.Revision });
                break;
            case 2:
                operation.Completion.TrySetException(new StorageException(StorageErrorCode.NotFound, $"{key} not found"));
                break;
            case 3:
                operation.Completion.TrySetException(new StorageException(StorageErrorCode.Conflict,
                    $"{key}: expected revision {operation.ExpectedRevision} but the stored revision is {result.Revision}")
                { CurrentRevision = result.Revision });
                break;
            default:
                operation.Completion.TrySetException(new StorageException(StorageErrorCode.PreconditionFailed,
                    $"{key}: precondition failed: uid is {result.Uid}, expected {operation.ExpectedUid}")
                { CurrentRevision = result.Revision });
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            // Let queued writes finish; a stuck database is cut off after a grace period.
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
            await _loop;
        }
        _stopping.Dispose();
    }

    /// <summary>What kl_write answered. <see cref="Value"/> is the previous state for an update or a delete.</summary>
    private readonly record struct WriteResult(short Status, long Revision, long CreateRevision, string? Uid, ReadOnlyMemory<byte> Value, long PrevRevision);
}
