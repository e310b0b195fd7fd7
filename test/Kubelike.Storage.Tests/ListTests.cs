namespace Kubelike.Storage.Tests;

public sealed class ListTests : StoreTestBase
{
    private static IEnumerable<string> Names(ListResult result) => result.Items.Select(i => $"{i.Key.Namespace}/{i.Key.Name}");

    [Test]
    public async Task List_returns_the_resource_in_key_order_optionally_by_namespace()
    {
        var resource = UniqueResource();
        foreach (var (ns, name) in new[] { ("b", "2"), ("a", "2"), ("b", "1"), ("a", "1") })
            await Store.CreateAsync(new ObjectKey(resource, ns, name), Json("{}"));
        await Store.CreateAsync(new ObjectKey(UniqueResource(), "a", "other-resource"), Json("{}"));

        var all = await Store.ListAsync(new ListRequest(resource));
        var inB = await Store.ListAsync(new ListRequest(resource, "b"));

        Assert.That(Names(all), Is.EqualTo(new[] { "a/1", "a/2", "b/1", "b/2" }));
        Assert.That(Names(inB), Is.EqualTo(new[] { "b/1", "b/2" }));
        Assert.That(all.Continue, Is.Null);
        Assert.That(all.Revision, Is.EqualTo((await Store.GetRevisionsAsync()).Current));
    }

    [Test]
    public async Task Pages_are_a_consistent_snapshot_at_the_first_pages_revision()
    {
        var resource = UniqueResource();
        var created = new List<StoredObject>();
        for (var i = 0; i < 10; i++)
            created.Add(await Store.CreateAsync(new ObjectKey(resource, "ns", $"o{i}"), Json($"v{i}")));

        var first = await Store.ListAsync(new ListRequest(resource, "ns", Limit: 3, CountRemaining: true));
        Assert.That(Names(first), Is.EqualTo(new[] { "ns/o0", "ns/o1", "ns/o2" }));
        Assert.That(first.Continue, Is.Not.Null);
        Assert.That(first.RemainingItemCount, Is.EqualTo(7));

        // Change the world after the first page: later pages must not see any of it.
        await Store.UpdateAsync(new ObjectKey(resource, "ns", "o5"), Json("changed"));
        await Store.DeleteAsync(new ObjectKey(resource, "ns", "o7"));
        await Store.CreateAsync(new ObjectKey(resource, "ns", "o45"), Json("new"));
        await Store.DeleteAsync(new ObjectKey(resource, "ns", "o8"));
        await Store.CreateAsync(new ObjectKey(resource, "ns", "o8"), Json("recreated"));

        var seen = new List<StoredObject>(first.Items);
        var next = first.Continue;
        while (next is not null)
        {
            var page = await Store.ListAsync(new ListRequest(resource, "ns", Limit: 3, Continue: next));
            Assert.That(page.Revision, Is.EqualTo(first.Revision));
            seen.AddRange(page.Items);
            next = page.Continue;
        }

        Assert.That(seen.Select(s => s.Key.Name), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"o{i}")));
        Assert.That(seen.Select(s => Text(s.Value)), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"v{i}")));
        Assert.That(seen.Select(s => s.Revision), Is.EqualTo(created.Select(c => c.Revision)), "each object keeps the revision it had at the list revision");
        Assert.That(seen.All(s => s.Revision <= first.Revision));

        var latest = await Store.ListAsync(new ListRequest(resource, "ns"));
        Assert.That(latest.Items.Select(s => s.Key.Name), Is.EqualTo(new[] { "o0", "o1", "o2", "o3", "o4", "o45", "o5", "o6", "o8", "o9" }));
        Assert.That(Text(latest.Items.Single(s => s.Key.Name == "o8").Value), Is.EqualTo("recreated"));
    }

    [Test]
    public async Task Paging_across_namespaces_continues_after_the_last_key()
    {
        var resource = UniqueResource();
        foreach (var ns in new[] { "a", "b", "c" })
        {
            for (var i = 0; i < 3; i++)
                await Store.CreateAsync(new ObjectKey(resource, ns, $"n{i}"), Json("{}"));
        }
        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(new ListRequest(resource, Limit: 2, Continue: next));
            names.AddRange(Names(page));
            next = page.Continue;
            pages++;
        }
        while (next is not null);

        Assert.That(pages, Is.EqualTo(5));
        Assert.That(names, Is.EqualTo(new[] { "a/n0", "a/n1", "a/n2", "b/n0", "b/n1", "b/n2", "c/n0", "c/n1", "c/n2" }));
    }

    [Test]
    public async Task List_at_an_explicit_older_revision_shows_that_state()
    {
        var resource = UniqueResource();
        var a = await Store.CreateAsync(new ObjectKey(resource, "", "a"), Json("a1"));
        await Store.UpdateAsync(new ObjectKey(resource, "", "a"), Json("a2"));
        await Store.CreateAsync(new ObjectKey(resource, "", "b"), Json("b1"));

        var old = await Store.ListAsync(new ListRequest(resource, Revision: a.Revision));

        Assert.That(old.Revision, Is.EqualTo(a.Revision));
        Assert.That(old.Items.Select(i => Text(i.Value)), Is.EqualTo(new[] { "a1" }));
    }

    [Test]
    public async Task List_at_a_future_revision_is_refused()
    {
        var current = (await Store.GetRevisionsAsync()).Current;
        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(UniqueResource(), Revision: current + 1000)));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.RevisionTooLarge));
    }

    [TestCase("not-base64!")]
    [TestCase("eyJ2IjoxfQ")] // {"v":1} without the rest
    [TestCase("e30")] // {}
    public async Task A_malformed_continue_token_is_a_bad_request(string token)
    {
        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(UniqueResource(), Limit: 1, Continue: token)));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.BadRequest));
    }

    [Test]
    public async Task A_continue_token_of_another_resource_is_a_bad_request()
    {
        var resource = UniqueResource();
        await Store.CreateAsync(new ObjectKey(resource, "", "a"), Json("{}"));
        await Store.CreateAsync(new ObjectKey(resource, "", "b"), Json("{}"));
        var page = await Store.ListAsync(new ListRequest(resource, Limit: 1));

        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(UniqueResource(), Limit: 1, Continue: page.Continue)));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.BadRequest));
    }

    [Test]
    public async Task A_negative_limit_is_a_bad_request()
    {
        var error = Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListRequest(UniqueResource(), Limit: -1)));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.BadRequest));
    }
}
