using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// Trims kl_events in the background: keeps at least <see cref="PostgresStoreOptions.HistoryRetention"/> of
/// history and at least <see cref="PostgresStoreOptions.HistoryMinRevisions"/> revisions, deleting in small
/// batches of consecutive revisions (one short transaction each) so it never holds locks for long. A failed
/// round is logged and retried at the next interval; it never silently stops.
/// </summary>
internal sealed class PostgresCompactor : IAsyncDisposable
{
    // Only one server compacts at a time; the others skip the round.
    private const long CompactionLockId = 0x6b6c2d636f6d7061;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public PostgresCompactor(NpgsqlDataSource dataSource, PostgresStoreOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Total revisions removed by this instance (for metrics and tests).</summary>
    public long RemovedRevisions => Interlocked.Read(ref _removed);

    private long _removed;

    private async Task LoopAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.CompactionInterval, token);
                await CompactAsync(token);
                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                _logger.LogWarning("storage: compaction failed ({Message}); attempt {Failures}, retrying in {Interval}",
                    exception.Message, failures, _options.CompactionInterval);
            }
        }
    }

    /// <summary>Runs compaction rounds until nothing more may be removed; returns the compacted revision.</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        var retentionSeconds = _options.HistoryRetention.TotalSeconds;
        while (true)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({CompactionLockId})", connection, transaction))
            {
                if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
                    return -1;
            }

            long compacted, target;
            await using (var plan = new NpgsqlCommand(
                """
                SELECT c.compacted,
                       (SELECT max(e.revision) FROM kl_events e
                         WHERE e.revision > c.compacted
                           AND e.revision <= least(c.compacted + $1, r.current - $2)
                           AND e.created_at < clock_timestamp() - make_interval(secs => $3))
                  FROM kl_compaction c, kl_revision r
                 WHERE c.id = 1 AND r.id = 1
                """, connection, transaction))
            {
                plan.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _options.CompactionBatchSize });
                plan.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _options.HistoryMinRevisions });
                plan.Parameters.Add(new NpgsqlParameter<double> { TypedValue = retentionSeconds });
                await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                compacted = reader.GetInt64(0);
                target = reader.IsDBNull(1) ? compacted : reader.GetInt64(1);
            }
            if (target <= compacted)
                return compacted;

            await using (var delete = new NpgsqlCommand("DELETE FROM kl_events WHERE revision > $1 AND revision <= $2", connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = compacted });
                delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = target });
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var advance = new NpgsqlCommand("UPDATE kl_compaction SET compacted = $1 WHERE id = 1", connection, transaction))
            {
                advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = target });
                await advance.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            Interlocked.Add(ref _removed, target - compacted);
            _logger.LogDebug("storage: compacted revisions {From}..{To}", compacted + 1, target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }
}
