using Kubelike.Storage.Postgres;

namespace Kubelike.Storage.Tests;

public sealed class WatchTests : StoreTestBase
{
    [Test]
    public async Task A_watch_from_now_sees_added_modified_and_deleted_in_order()
    {
        var resource = UniqueResource();
        await using var watch = await Store.WatchAsync(new WatchRequest(resource));
        var key = new ObjectKey(resource, "ns", "a");
        var created = await Store.CreateAsync(key, Json("1"), "uid-a");
        var updated = await Store.UpdateAsync(key, Json("2"));
        var deleted = await Store.DeleteAsync(key);

        var events = await ReadEventsAsync(watch, 3);

        Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted }));
        Assert.That(events.Select(e => e.Revision), Is.EqualTo(new[] { created.Revision, updated.Revision, deleted.Revision }));
        Assert.That(Text(events[1].Value), Is.EqualTo("2"));
        Assert.That(Text(events[1].PrevValue), Is.EqualTo("1"));
        Assert.That(events[1].PrevRevision, Is.EqualTo(created.Revision));
        Assert.That(Text(events[2].Value), Is.EqualTo("2"), "a delete carries the last state");
        Assert.That(events.All(e => e.Uid == "uid-a" && e.CreateRevision == created.Revision));
    }

    [Test]
    public async Task A_watch_from_a_past_revision_replays_only_later_events()
    {
        var resource = UniqueResource();
        var first = await Store.CreateAsync(new ObjectKey(resource, "", "one"), Json("1"));
        var second = await Store.CreateAsync(new ObjectKey(resource, "", "two"), Json("2"));
        await using var watch = await Store.WatchAsync(new WatchRequest(resource, AfterRevision: first.Revision));

        var events = await ReadEventsAsync(watch, 1);

        Assert.That(events.Single().Revision, Is.EqualTo(second.Revision));
        Assert.That(events.Single().Key.Name, Is.EqualTo("two"));
    }

    [Test]
    public async Task A_namespace_watch_sees_only_its_namespace_and_resource()
    {
        var resource = UniqueResource();
        await using var watch = await Store.WatchAsync(new WatchRequest(resource, "mine"));
        await Store.CreateAsync(new ObjectKey(resource, "other", "x"), Json("{}"));
        await Store.CreateAsync(new ObjectKey(UniqueResource(), "mine", "x"), Json("{}"));
        var mine = await Store.CreateAsync(new ObjectKey(resource, "mine", "x"), Json("{}"));

        var events = await ReadEventsAsync(watch, 1);

        Assert.That(events.Single().Revision, Is.EqualTo(mine.Revision));
    }

    [Test]
    public async Task A_watch_older_than_the_memory_ring_catches_up_from_the_table()
    {
        // A store with a tiny ring: the catch-up must come from PostgreSQL.
        var store = await OpenStoreAsync(new PostgresStoreOptions { EventRingCapacity = 2, PollInterval = TimeSpan.FromMilliseconds(100) });
        var resource = UniqueResource();
        var start = (await store.GetRevisionsAsync()).Current;
        var written = new List<long>();
        for (var i = 0; i < 10; i++)
            written.Add((await store.CreateAsync(new ObjectKey(resource, "", $"o{i}"), Json("{}"))).Revision);
        await WaitUntilAsync(() => store.WatchRevision >= written[^1]);

        await using var watch = await store.WatchAsync(new WatchRequest(resource, AfterRevision: start));
        var live = await store.CreateAsync(new ObjectKey(resource, "", "live"), Json("{}"));
        var events = await ReadEventsAsync(watch, 11);

        Assert.That(events.Select(e => e.Revision), Is.EqualTo(written.Append(live.Revision)));
    }

    [Test]
    public async Task Progress_is_queued_behind_the_events_it_covers()
    {
        var resource = UniqueResource();
        await using var watch = await Store.WatchAsync(new WatchRequest(resource));
        var last = 0L;
        for (var i = 0; i < 5; i++)
            last = (await Store.CreateAsync(new ObjectKey(resource, "", $"p{i}"), Json("{}"))).Revision;
        await WaitUntilAsync(() => Store.WatchRevision >= last);
        watch.RequestProgress();

        var events = await ReadEventsAsync(watch, 6);

        Assert.That(events.Take(5).All(e => e.Type == WatchEventType.Added));
        Assert.That(events[5].Type, Is.EqualTo(WatchEventType.Progress));
        Assert.That(events[5].Revision, Is.GreaterThanOrEqualTo(last));
    }

    [Test]
    public async Task Progress_on_a_quiet_resource_advances_with_other_resources_writes()
    {
        var quiet = UniqueResource();
        await using var watch = await Store.WatchAsync(new WatchRequest(quiet));
        var busy = await Store.CreateAsync(new ObjectKey(UniqueResource(), "", "x"), Json("{}"));
        await WaitUntilAsync(() => Store.WatchRevision >= busy.Revision);
        watch.RequestProgress();

        var events = await ReadEventsAsync(watch, 1);

        Assert.That(events.Single().Type, Is.EqualTo(WatchEventType.Progress));
        Assert.That(events.Single().Revision, Is.GreaterThanOrEqualTo(busy.Revision));
    }

    [Test]
    public async Task A_watcher_that_falls_behind_is_closed_and_does_not_stall_the_others()
    {
        var store = await OpenStoreAsync(new PostgresStoreOptions { WatcherQueueCapacity = 5, PollInterval = TimeSpan.FromMilliseconds(100) });
        var resource = UniqueResource();
        await using var slow = await store.WatchAsync(new WatchRequest(resource));
        await using var healthy = await store.WatchAsync(new WatchRequest(resource));
        var received = new List<WatchEvent>();
        using var stop = new CancellationTokenSource(Deadline);
        var reader = Task.Run(async () =>
        {
            await foreach (var e in healthy.ReadAllAsync(stop.Token))
            {
                received.Add(e);
                if (received.Count == 20)
                    return;
            }
        });
        for (var i = 0; i < 20; i++)
            await store.CreateAsync(new ObjectKey(resource, "", $"s{i}"), Json("{}"));
        await reader;

        Assert.That(received, Has.Count.EqualTo(20));
        var error = Assert.ThrowsAsync<StorageException>(async () =>
        {
            await foreach (var e in slow.ReadAllAsync())
            {
            }
        });
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.WatcherTooSlow));
    }

    [Test]
    public async Task Disposing_a_watch_ends_its_enumeration()
    {
        var resource = UniqueResource();
        var watch = await Store.WatchAsync(new WatchRequest(resource));
        var count = Store.WatcherCount;
        await watch.DisposeAsync();

        var events = await ReadEventsAsync(watch, 1, TimeSpan.FromSeconds(5));

        Assert.That(events, Is.Empty);
        Assert.That(Store.WatcherCount, Is.EqualTo(count - 1));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("condition not reached before the deadline");
            await Task.Delay(10);
        }
    }
}
