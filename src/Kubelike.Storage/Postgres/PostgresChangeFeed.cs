using Kubelike.Storage.Watch;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// The one change feed of a store instance: reads kl_events after the hub's revision, in order, and hands
/// them to the <see cref="WatchHub"/>. It is woken by this process's own commits, by LISTEN/NOTIFY from other
/// servers, and by a timer, so a lost notification or a broken listener connection delays events but never
/// loses them: the table, not the notification, is the source of truth. This server's own commits are handed
/// over directly by the writer and dispatched without a read when they continue the hub's revision.
/// </summary>
internal sealed class PostgresChangeFeed : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _listenConnectionString;
    private readonly WatchHub _hub;
    private readonly PostgresStoreOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private const string HelloPayload = "hello";

    private readonly Lock _dispatch = new();
    private volatile bool _othersListening = true;
    private int _listenerProcessId;
    private long _lastListenerCheck;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pollLoop;
    private readonly Task _listenLoop;

    public PostgresChangeFeed(NpgsqlDataSource dataSource, string listenConnectionString, WatchHub hub, PostgresStoreOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _listenConnectionString = listenConnectionString;
        _hub = hub;
        _options = options;
        _logger = logger;
        _pollLoop = Task.Run(PollLoopAsync);
        _listenLoop = Task.Run(ListenLoopAsync);
    }

    /// <summary>
    /// This server committed <paramref name="events"/> (consecutive revisions). If they continue the hub they are
    /// dispatched at once; otherwise another server wrote in between and the feed reads the table in order.
    /// </summary>
    public void PublishLocal(IReadOnlyList<WatchEvent> events)
    {
        lock (_dispatch)
        {
            if (events[0].Revision == _hub.Revision + 1)
            {
                _hub.Dispatch(events);
                return;
            }
        }
        Wake();
    }

    /// <summary>
    /// Whether another server's change feed is listening on this database, so commits must NOTIFY. Checked once
    /// per poll interval; a server that starts listening in between finds the commits by polling, so skipping the
    /// notification only ever delays, never loses. True until the first check.
    /// </summary>
    public bool OthersListening => _othersListening;

    /// <summary>Something was committed: read it now rather than at the next tick.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one pending wake-up covers every commit before it.
        }
    }

    private async Task PollLoopAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.PollInterval, token);
                while (await ReadOnceAsync(token))
                {
                }
                await CheckListenersAsync(token);
                if (failures > 0)
                    _logger.LogInformation("storage: change feed reading again at revision {Revision}", _hub.Revision);
                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (failures++ == 0)
                    _logger.LogWarning("storage: change feed cannot read events ({Message}); retrying", exception.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(failures, 6))), token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads and dispatches one batch; true when the batch was full and more may follow.</summary>
    private async Task<bool> ReadOnceAsync(CancellationToken token)
    {
        var after = _hub.Revision;
        var events = new List<WatchEvent>();
        await using (var command = _dataSource.CreateCommand($"SELECT {EventReader.Columns} FROM kl_events WHERE revision > $1 ORDER BY revision LIMIT $2"))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.FeedBatchSize });
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
                events.Add(EventReader.Read(reader));
        }
        if (events.Count == 0)
            return false;

        if (events[0].Revision != after + 1)
        {
            // Revisions are contiguous by construction, so a hole means compaction overtook this feed.
            var compacted = await ReadCompactedAsync(token);
            lock (_dispatch)
            {
                if (_hub.Revision == after)
                {
                    _logger.LogError("storage: change feed at revision {Revision} found history compacted up to {Compacted}; closing every watch with Expired", after, compacted);
                    _hub.Reset(events[0].Revision - 1, compacted);
                }
            }
        }
        lock (_dispatch)
        {
            // The writer may have dispatched some of these meanwhile; hand over only what is new.
            var fresh = events.FindIndex(e => e.Revision > _hub.Revision);
            if (fresh >= 0 && events[fresh].Revision == _hub.Revision + 1)
                _hub.Dispatch(fresh == 0 ? events : events.GetRange(fresh, events.Count - fresh));
        }
        return events.Count == _options.FeedBatchSize;
    }

    private async Task CheckListenersAsync(CancellationToken token)
    {
        var now = Environment.TickCount64;
        if (now - _lastListenerCheck < _options.PollInterval.TotalMilliseconds)
            return;
        _lastListenerCheck = now;
        await using var command = _dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND pid <> $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresObjectStore.ListenerApplicationName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Volatile.Read(ref _listenerProcessId) });
        _othersListening = (bool)(await command.ExecuteScalarAsync(token))!;
    }

    private async Task<long> ReadCompactedAsync(CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand("SELECT compacted FROM kl_compaction WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>
    /// The payload is the newest revision of the committing transaction. This server's own commits have usually
    /// been dispatched already, so only a revision beyond the hub is worth a read. A <see cref="HelloPayload"/>
    /// from another server means it has just started listening: notify it from now on.
    /// </summary>
    private void OnNotification(int senderProcessId, string payload)
    {
        if (payload == HelloPayload)
        {
            if (senderProcessId != Volatile.Read(ref _listenerProcessId))
                _othersListening = true;
            return;
        }
        if (long.TryParse(payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            && revision <= _hub.Revision)
        {
            return;
        }
        Wake();
    }

    private async Task ListenLoopAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                await connection.OpenAsync(token);
                Volatile.Write(ref _listenerProcessId, connection.ProcessID);
                connection.Notification += (_, notification) => OnNotification(notification.PID, notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {GroupCommitWriter.NotifyChannel}; NOTIFY {GroupCommitWriter.NotifyChannel}, '{HelloPayload}'", connection))
                    await listen.ExecuteNonQueryAsync(token);
                if (failures > 0)
                    _logger.LogInformation("storage: change feed listener reconnected");
                else
                    _logger.LogInformation("storage: change feed listening for notifications");
                failures = 0;
                // Anything committed while the listener was away is read now.
                Wake();
                while (true)
                    await connection.WaitAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (failures++ == 0)
                    _logger.LogWarning("storage: change feed listener lost its connection ({Message}); polling every {Interval} until it is back", exception.Message, _options.PollInterval);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(failures, 6))), token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_pollLoop, _listenLoop);
        _stopping.Dispose();
        _wake.Dispose();
    }
}
