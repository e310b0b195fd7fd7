using Kubelike.Storage.Postgres;

namespace Kubelike.Storage.Tests;

public sealed class CompactionTests : StoreTestBase
{
    // Keep no time-based history and only 3 revisions, and never compact on a timer: tests call CompactAsync.
    protected override PostgresStoreOptions Options() => new()
    {
        HistoryRetention = TimeSpan.Zero,
        HistoryMinRevisions = 3,
        CompactionInterval = TimeSpan.FromHours(1),
        CompactionBatchSize = 4,
        EventRingCapacity = 1,
        PollInterval = TimeSpan.FromMilliseconds(100),
    };

    [Test]
    public async Task Compaction_keeps_the_minimum_number_of_revisions_and_advances_the_compacted_revision()
    {
        var resource = UniqueResource();
        for (var i = 0; i < 20; i++)
            await Store.CreateAsync(new ObjectKey(resource, "", $"c{i}"), Json("{}"));

        var compacted = await Store.CompactAsync();
        var revisions = await Store.GetRevisionsAsync();

        Assert.That(compacted, Is.EqualTo(revisions.Current - 3), "compaction runs in batches until only the last 3 revisions remain");
        Assert.That(revisions.Compacted, Is.EqualTo(compacted));
    }

    [Test]
    public async Task A_watch_from_below_the_compacted_revision_is_expired()
    {
        var resource = UniqueResource();
        var first = await Store.CreateAsync(new ObjectKey(resource, "", "w0"), Json("{}"));
        for (var i = 1; i < 10; i++)
            await Store.CreateAsync(new ObjectKey(resource, "", $"w{i}"), Json("{}"));
        var compacted = await Store.CompactAsync();
        Assert.That(compacted, Is.GreaterThan(first.Revision));

        var error = Assert.ThrowsAsync<StorageException>(() => Store.WatchAsync(new WatchRequest(resource, AfterRevision: first.Revision)));

        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.Expired));
        Assert.That(error.CompactedRevision, Is.EqualTo(compacted));
        Assert.That(error.Message, Does.Contain("too old resource version"));
    }

    [Test]
    public async Task A_watch_from_exactly_the_compacted_revision_still_works()
    {
        var resource = UniqueResource();
        for (var i = 0; i < 10; i++)
            await Store.CreateAsync(new ObjectKey(resource, "", $"e{i}"), Json("{}"));
        var compacted = await Store.CompactAsync();

        await using var watch = await Store.WatchAsync(new WatchRequest(resource, AfterRevision: compacted));
        var events = await ReadEventsAsync(watch, 3);

        Assert.That(events.Select(e => e.Revision), Is.EqualTo(new[] { compacted + 1, compacted + 2, compacted + 3 }));
    }

    [Test]
    public async Task A_continue_token_below_the_compacted_revision_is_expired()
    {
        var resource = UniqueResource();
        for (var i = 0; i < 5; i++)
            await Store.CreateAsync(new ObjectKey(resource, "", $"l{i}"), Json("{}"));
        var page = await Store.ListAsync(new ListRequest(resource, Limit: 2));
        for (var i = 0; i < 10; i++)
            await Store.UpdateAsync(new ObjectKey(resource, "", "l0"), Json($"{i}"));
        await Store.CompactAsync();

        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(resource, Limit: 2, Continue: page.Continue)));

        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.Expired));
    }

    [Test]
    public async Task A_list_at_a_compacted_revision_is_expired()
    {
        var resource = UniqueResource();
        var old = await Store.CreateAsync(new ObjectKey(resource, "", "x"), Json("{}"));
        for (var i = 0; i < 10; i++)
            await Store.UpdateAsync(new ObjectKey(resource, "", "x"), Json($"{i}"));
        await Store.CompactAsync();

        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(resource, Revision: old.Revision)));

        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.Expired));
    }

    [Test]
    public async Task Time_based_retention_keeps_recent_history()
    {
        var store = await OpenStoreAsync(new PostgresStoreOptions
        {
            HistoryRetention = TimeSpan.FromMinutes(5),
            HistoryMinRevisions = 0,
            CompactionInterval = TimeSpan.FromHours(1),
        });
        var resource = UniqueResource();
        await store.CompactAsync();
        var before = (await store.GetRevisionsAsync()).Compacted;
        for (var i = 0; i < 5; i++)
            await store.CreateAsync(new ObjectKey(resource, "", $"t{i}"), Json("{}"));

        await store.CompactAsync();

        Assert.That((await store.GetRevisionsAsync()).Compacted, Is.EqualTo(before), "events younger than the retention are kept");
    }
}
