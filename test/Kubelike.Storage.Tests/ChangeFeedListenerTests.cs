using Kubelike.Storage.Postgres;
using Npgsql;

namespace Kubelike.Storage.Tests;

/// <summary>
/// Writes on one server reach watchers on another through NOTIFY. With the polling fallback set far out, these
/// tests show that a killed listener connection delays nothing for long and loses nothing.
/// </summary>
public sealed class ChangeFeedListenerTests : StoreTestBase
{
    [Test]
    public async Task A_server_that_starts_later_is_notified_at_once()
    {
        // The writer has seen that nobody else listens and stopped notifying; a new server announces itself.
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        var writer = await OpenStoreAsync(new PostgresStoreOptions { PollInterval = TimeSpan.FromMinutes(10) });
        var deadline = DateTime.UtcNow + Deadline;
        while (writer.NotifiesOtherServers)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the writer never noticed it was alone");
            await Task.Delay(10);
        }
        var watcherStore = await OpenStoreAsync(new PostgresStoreOptions { PollInterval = TimeSpan.FromMinutes(10) });
        var resource = UniqueResource();
        await using var watch = await watcherStore.WatchAsync(new WatchRequest(resource));
        await WaitForListenersAsync(2);

        var written = await writer.CreateAsync(new ObjectKey(resource, "", "n"), Json("{}"));
        var events = await ReadEventsAsync(watch, 1);

        Assert.That(events.Select(e => e.Revision), Is.EqualTo(new[] { written.Revision }), "a 10-minute poll interval means NOTIFY delivered it");
        Assert.That(writer.NotifiesOtherServers, Is.True);
    }

    [Test]
    public async Task A_terminated_listener_reconnects_and_no_event_is_lost()
    {
        var writer = await OpenStoreAsync();
        var watcherStore = await OpenStoreAsync(new PostgresStoreOptions { PollInterval = TimeSpan.FromMinutes(10) });
        var resource = UniqueResource();
        await using var watch = await watcherStore.WatchAsync(new WatchRequest(resource));
        await WaitForListenersAsync(2);

        var expected = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5; i++)
                expected.Add((await writer.CreateAsync(new ObjectKey(resource, "", $"r{round}-{i}"), Json("{}"))).Revision);
            await TerminateListenersAsync();
            for (var i = 5; i < 10; i++)
                expected.Add((await writer.CreateAsync(new ObjectKey(resource, "", $"r{round}-{i}"), Json("{}"))).Revision);
            await WaitForListenersAsync(2);
        }
        var events = await ReadEventsAsync(watch, expected.Count);

        Assert.That(events.Select(e => e.Revision), Is.EqualTo(expected));
    }

    private async Task<int> CountListenersAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresObjectStore.ListenerApplicationName });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitForListenersAsync(int atLeast)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (await CountListenersAsync() < atLeast)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"fewer than {atLeast} change-feed listeners connected before the deadline");
            await Task.Delay(20);
        }
    }

    private async Task TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresObjectStore.ListenerApplicationName });
        var terminated = (long)(await command.ExecuteScalarAsync())!;
        Assert.That(terminated, Is.GreaterThanOrEqualTo(1));
    }
}
