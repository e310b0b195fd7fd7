using System.Collections.Concurrent;
using System.Globalization;
using Kubelike.Storage.Postgres;
using Npgsql;

namespace Kubelike.Storage.Tests;

/// <summary>
/// Several writers on two store instances over one database (as two servers would be) create, update and delete
/// concurrently while watchers started at various revisions record what they see. Every watcher must see exactly
/// the committed events after its start, in strictly increasing revision order, and replaying a full watch must
/// reproduce the final table contents.
/// </summary>
public sealed class ConcurrencyPropertyTests : StoreTestBase
{
    private const string Resource = "widgets";
    private static readonly string[] Namespaces = ["alpha", "beta", "gamma"];

    protected override PostgresStoreOptions Options() => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(500),
        HistoryMinRevisions = long.MaxValue / 2,
        WatcherQueueCapacity = 100_000,
    };

    [Test]
    [Repeat(3)]
    public async Task Watchers_see_exactly_the_committed_history_in_order()
    {
        // Each repetition works in its own database so the history under test is only its own.
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        var storeA = await OpenStoreAsync(new PostgresStoreOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(500),
            HistoryMinRevisions = long.MaxValue / 2,
            WatcherQueueCapacity = 100_000,
            EventRingCapacity = 64, // small, so late watchers catch up from the table
        });
        var storeB = await OpenStoreAsync();
        var stores = new[] { storeA, storeB };

        var watchers = new List<RecordingWatcher>
        {
            await RecordingWatcher.StartAsync(storeA, null, 0),
            await RecordingWatcher.StartAsync(storeB, null, 0),
            await RecordingWatcher.StartAsync(storeB, "beta", 0),
        };
        var committed = new ConcurrentDictionary<long, (WatchEventType Type, ObjectKey Key)>();

        const int writersPerStore = 4;
        const int operationsPerWriter = 150;
        var writers = new List<Task>();
        for (var w = 0; w < writersPerStore * stores.Length; w++)
        {
            var store = stores[w % stores.Length];
            var seed = TestContext.CurrentContext.Random.Next();
            writers.Add(Task.Run(() => WriteRandomlyAsync(store, new Random(seed), operationsPerWriter, committed)));
        }

        // Start more watchers while the writers run: from the current revision, from an older one, on both stores.
        var random = new Random(TestContext.CurrentContext.Random.Next());
        while (writers.Any(t => !t.IsCompleted))
        {
            var current = (await storeA.GetRevisionsAsync()).Current;
            var from = random.Next(2) == 0 ? current : Math.Max(0, current - random.Next(200));
            var store = stores[random.Next(stores.Length)];
            var ns = random.Next(3) == 0 ? Namespaces[random.Next(Namespaces.Length)] : null;
            watchers.Add(await RecordingWatcher.StartAsync(store, ns, from));
            await Task.WhenAny(Task.WhenAll(writers), Task.Delay(random.Next(20, 80)));
        }
        await Task.WhenAll(writers);
        var final = (await storeA.GetRevisionsAsync()).Current;

        // Wait until both hubs dispatched everything, then mark the end of each watch with a progress event.
        foreach (var watcher in watchers)
            await watcher.FinishAsync(final);

        var history = await ReadHistoryAsync(ConnectionString);
        Assert.That(history.Select(h => h.Revision), Is.EqualTo(Enumerable.Range(1, (int)final).Select(i => (long)i)),
            "revisions are contiguous from 1 to the final revision");
        Assert.That(committed.Keys.Order(), Is.EqualTo(history.Select(h => h.Revision)),
            "every acknowledged write is in the history and the history holds nothing else");
        foreach (var h in history)
        {
            Assert.That(committed[h.Revision].Key, Is.EqualTo(h.Key));
            Assert.That(committed[h.Revision].Type, Is.EqualTo(h.Type));
        }

        foreach (var watcher in watchers)
        {
            var expected = history.Where(h => h.Revision > watcher.Start && (watcher.Namespace is null || h.Key.Namespace == watcher.Namespace)).ToList();
            Assert.That(watcher.Events.Select(Describe), Is.EqualTo(expected.Select(Describe)),
                $"watcher from {watcher.Start} ns={watcher.Namespace ?? "*"} saw exactly the history after its start");
        }

        // Replaying a full watch from revision 0 reproduces the final contents.
        var replayed = new Dictionary<ObjectKey, (string Value, long Revision)>();
        foreach (var e in watchers[0].Events)
        {
            if (e.Type == WatchEventType.Deleted)
                replayed.Remove(e.Key);
            else
                replayed[e.Key] = (Text(e.Value), e.Revision);
        }
        var table = await storeB.ListAsync(new ListRequest(Resource));
        Assert.That(replayed.OrderBy(p => p.Key.Namespace, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Key} {p.Value.Value} @{p.Value.Revision}"),
            Is.EqualTo(table.Items.Select(i => $"{i.Key} {Text(i.Value)} @{i.Revision}")));

        foreach (var watcher in watchers)
            await watcher.DisposeAsync();
    }

    private static string Describe(WatchEvent e) => $"{e.Revision} {e.Type} {e.Key} {Text(e.Value)}";

    private static async Task WriteRandomlyAsync(PostgresObjectStore store, Random random, int operations, ConcurrentDictionary<long, (WatchEventType, ObjectKey)> committed)
    {
        for (var i = 0; i < operations; i++)
        {
            var key = new ObjectKey(Resource, Namespaces[random.Next(Namespaces.Length)], "w" + random.Next(12).ToString(CultureInfo.InvariantCulture));
            var value = Json($"{{\"n\":{random.Next()}}}");
            try
            {
                switch (random.Next(4))
                {
                    case 0:
                        committed[(await store.CreateAsync(key, value, Guid.NewGuid().ToString())).Revision] = (WatchEventType.Added, key);
                        break;
                    case 1:
                        committed[(await store.UpdateAsync(key, value)).Revision] = (WatchEventType.Modified, key);
                        break;
                    case 2:
                        var current = await store.GetAsync(key);
                        if (current is not null)
                            committed[(await store.UpdateAsync(key, value, current.Revision)).Revision] = (WatchEventType.Modified, key);
                        break;
                    default:
                        committed[(await store.DeleteAsync(key)).Revision] = (WatchEventType.Deleted, key);
                        break;
                }
            }
            catch (StorageException e) when (e.Code is StorageErrorCode.AlreadyExists or StorageErrorCode.NotFound or StorageErrorCode.Conflict)
            {
                // Expected under contention: the write did not happen and consumed no revision.
            }
        }
    }

    private static async Task<List<WatchEvent>> ReadHistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT revision, resource, namespace, name, type, create_revision, uid, value, prev_revision, prev_value FROM kl_events ORDER BY revision", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var history = new List<WatchEvent>();
        while (await reader.ReadAsync())
        {
            history.Add(new WatchEvent((WatchEventType)reader.GetInt16(4), new ObjectKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                reader.GetFieldValue<byte[]>(7), reader.GetInt64(0), reader.GetInt64(5), ReadOnlyMemory<byte>.Empty, reader.GetInt64(8), null));
        }
        return history;
    }

    /// <summary>A watch whose events are recorded by a background reader until a progress event reaches the end.</summary>
    private sealed class RecordingWatcher : IAsyncDisposable
    {
        private readonly PostgresObjectStore _store;
        private readonly IObjectWatch _watch;
        private readonly TaskCompletionSource<long> _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _target = long.MaxValue;
        private Task _reader = Task.CompletedTask;

        private RecordingWatcher(PostgresObjectStore store, IObjectWatch watch, string? ns, long start)
        {
            _store = store;
            _watch = watch;
            Namespace = ns;
            Start = start;
        }

        public string? Namespace { get; }
        public long Start { get; }
        public List<WatchEvent> Events { get; } = [];

        public static async Task<RecordingWatcher> StartAsync(PostgresObjectStore store, string? ns, long start)
        {
            var watcher = new RecordingWatcher(store, await store.WatchAsync(new WatchRequest(Resource, ns, start)), ns, start);
            watcher._reader = Task.Run(watcher.ReadAsync);
            return watcher;
        }

        private async Task ReadAsync()
        {
            await foreach (var e in _watch.ReadAllAsync())
            {
                if (e.Type == WatchEventType.Progress)
                {
                    if (e.Revision >= Volatile.Read(ref _target))
                    {
                        _progress.TrySetResult(e.Revision);
                        return;
                    }
                    continue;
                }
                Events.Add(e);
            }
        }

        public async Task FinishAsync(long finalRevision)
        {
            Volatile.Write(ref _target, finalRevision);
            var deadline = DateTime.UtcNow + Deadline;
            while (!_progress.Task.IsCompleted)
            {
                if (DateTime.UtcNow > deadline)
                    Assert.Fail($"watcher from {Start} never reached revision {finalRevision} (hub at {_store.WatchRevision}, saw {Events.Count} events)");
                if (_reader.IsFaulted)
                    Assert.Fail($"watcher from {Start} failed: {_reader.Exception}");
                _watch.RequestProgress();
                await Task.WhenAny(_progress.Task, Task.Delay(50));
            }
            await _reader;
        }

        public ValueTask DisposeAsync() => _watch.DisposeAsync();
    }
}
