using Kubelike.Storage.Embedded;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Storage.Tests;

/// <summary>
/// A PostgreSQL of this fixture's own (so it can be stopped and started) behind two stores: while it is down
/// requests fail fast with Unavailable; when it is back writes, watches and the change feed recover by themselves
/// and no event is lost.
/// </summary>
public sealed class PostgresRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private string _directory = "";
    private EmbeddedPostgres _postgres = null!;

    [OneTimeSetUp]
    public async Task StartPostgres()
    {
        _directory = Directory.CreateTempSubdirectory("kubelike-restart-").FullName;
        _postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_directory, "pg"), Durable = false },
            NullLogger<EmbeddedPostgres>.Instance);
        await _postgres.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopPostgres()
    {
        // DeleteAsync also removes a cluster relocated out of a directory the postgres user cannot reach.
        await _postgres.DeleteAsync();
        await _postgres.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Restarting_postgres_mid_stream_fails_fast_then_recovers_without_losing_events()
    {
        var options = new PostgresStoreOptions { PollInterval = TimeSpan.FromMilliseconds(250) };
        await using var writer = await PostgresObjectStore.OpenAsync(_postgres.ConnectionString, options, NullLoggerFactory.Instance);
        await using var other = await PostgresObjectStore.OpenAsync(_postgres.ConnectionString, options, NullLoggerFactory.Instance);
        const string resource = "restarts";
        await using var localWatch = await writer.WatchAsync(new WatchRequest(resource));
        await using var remoteWatch = await other.WatchAsync(new WatchRequest(resource));

        var expected = new List<long>();
        for (var i = 0; i < 20; i++)
            expected.Add((await writer.CreateAsync(new ObjectKey(resource, "", $"before-{i}"), "{}"u8.ToArray())).Revision);

        await _postgres.StopAsync();

        var started = DateTime.UtcNow;
        var down = Assert.ThrowsAsync<StorageException>(() => writer.CreateAsync(new ObjectKey(resource, "", "while-down"), "{}"u8.ToArray()));
        Assert.That(down!.Code, Is.EqualTo(StorageErrorCode.Unavailable));
        Assert.That(down.Message, Does.StartWith("storage unavailable"));
        var read = Assert.ThrowsAsync<StorageException>(() => other.GetAsync(new ObjectKey(resource, "", "before-0")));
        Assert.That(read!.Code, Is.EqualTo(StorageErrorCode.Unavailable));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)), "requests fail fast while PostgreSQL is down");

        await _postgres.StartAsync();

        // Writes succeed again on their own (the first attempts may still meet a connection broken by the restart).
        var deadline = DateTime.UtcNow + Deadline;
        for (var i = 0; i < 20; i++)
        {
            while (true)
            {
                try
                {
                    expected.Add((await writer.CreateAsync(new ObjectKey(resource, "", $"after-{i}"), "{}"u8.ToArray())).Revision);
                    break;
                }
                catch (StorageException e) when (e.Code == StorageErrorCode.Unavailable && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
        }

        Assert.That(await Revisions(localWatch, expected.Count), Is.EqualTo(expected), "the writing server's watch");
        Assert.That(await Revisions(remoteWatch, expected.Count), Is.EqualTo(expected), "the other server's watch");
    }

    private static async Task<List<long>> Revisions(IObjectWatch watch, int count)
    {
        var revisions = new List<long>();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await foreach (var e in watch.ReadAllAsync(timeout.Token))
            {
                revisions.Add(e.Revision);
                if (revisions.Count == count)
                    break;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
        return revisions;
    }
}
