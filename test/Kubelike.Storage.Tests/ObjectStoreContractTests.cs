namespace Kubelike.Storage.Tests;

public sealed class ObjectStoreContractTests : StoreTestBase
{
    [Test]
    public async Task Get_of_a_missing_key_is_null()
    {
        Assert.That(await Store.GetAsync(new ObjectKey(UniqueResource(), "default", "nope")), Is.Null);
    }

    [Test]
    public async Task Create_then_get_returns_the_bytes_and_revisions()
    {
        var key = new ObjectKey(UniqueResource(), "default", "a");
        var created = await Store.CreateAsync(key, Json("""{"a":1}"""), "uid-1");
        var read = await Store.GetAsync(key);

        Assert.That(read, Is.Not.Null);
        Assert.That(Text(read!.Value), Is.EqualTo("""{"a":1}"""));
        Assert.That(read.Revision, Is.EqualTo(created.Revision));
        Assert.That(read.CreateRevision, Is.EqualTo(created.Revision));
        Assert.That(read.Uid, Is.EqualTo("uid-1"));
    }

    [Test]
    public async Task Create_of_an_existing_key_fails_with_AlreadyExists_and_changes_nothing()
    {
        var key = new ObjectKey(UniqueResource(), "", "cluster-scoped");
        var first = await Store.CreateAsync(key, Json("1"));
        var before = await Store.GetRevisionsAsync();

        var error = Assert.ThrowsAsync<StorageException>(() => Store.CreateAsync(key, Json("2")));

        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.AlreadyExists));
        Assert.That(Text((await Store.GetAsync(key))!.Value), Is.EqualTo("1"));
        Assert.That((await Store.GetAsync(key))!.Revision, Is.EqualTo(first.Revision));
        Assert.That((await Store.GetRevisionsAsync()).Current, Is.EqualTo(before.Current), "a failed write must not consume a revision");
    }

    [Test]
    public async Task Every_write_gets_the_next_revision()
    {
        var resource = UniqueResource();
        var start = (await Store.GetRevisionsAsync()).Current;
        var a = await Store.CreateAsync(new ObjectKey(resource, "ns", "a"), Json("1"));
        var b = await Store.UpdateAsync(new ObjectKey(resource, "ns", "a"), Json("2"));
        var c = await Store.DeleteAsync(new ObjectKey(resource, "ns", "a"));

        Assert.That(new[] { a.Revision, b.Revision, c.Revision }, Is.EqualTo(new[] { start + 1, start + 2, start + 3 }));
        Assert.That((await Store.GetRevisionsAsync()).Current, Is.EqualTo(start + 3));
    }

    [Test]
    public async Task Update_with_the_expected_revision_succeeds_and_a_stale_one_conflicts()
    {
        var key = new ObjectKey(UniqueResource(), "ns", "u");
        var created = await Store.CreateAsync(key, Json("1"), "uid-u");
        var updated = await Store.UpdateAsync(key, Json("2"), created.Revision);

        Assert.That(updated.Revision, Is.GreaterThan(created.Revision));
        Assert.That(updated.CreateRevision, Is.EqualTo(created.Revision));
        Assert.That(updated.Uid, Is.EqualTo("uid-u"));

        var error = Assert.ThrowsAsync<StorageException>(() => Store.UpdateAsync(key, Json("3"), created.Revision));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.Conflict));
        Assert.That(error.CurrentRevision, Is.EqualTo(updated.Revision));
        Assert.That(Text((await Store.GetAsync(key))!.Value), Is.EqualTo("2"));
    }

    [Test]
    public async Task Unconditional_update_replaces_whatever_is_stored()
    {
        var key = new ObjectKey(UniqueResource(), "ns", "u");
        await Store.CreateAsync(key, Json("1"));
        await Store.UpdateAsync(key, Json("2"));
        var last = await Store.UpdateAsync(key, Json("3"));

        var read = await Store.GetAsync(key);
        Assert.That(Text(read!.Value), Is.EqualTo("3"));
        Assert.That(read.Revision, Is.EqualTo(last.Revision));
    }

    [Test]
    public async Task Update_of_a_missing_key_is_NotFound()
    {
        var error = Assert.ThrowsAsync<StorageException>(() => Store.UpdateAsync(new ObjectKey(UniqueResource(), "ns", "x"), Json("1")));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.NotFound));
    }

    [Test]
    public async Task Delete_returns_the_last_state_at_the_delete_revision()
    {
        var key = new ObjectKey(UniqueResource(), "ns", "d");
        var created = await Store.CreateAsync(key, Json("last"), "uid-d");
        var deleted = await Store.DeleteAsync(key);

        Assert.That(Text(deleted.Value), Is.EqualTo("last"));
        Assert.That(deleted.Revision, Is.EqualTo(created.Revision + 1));
        Assert.That(deleted.Uid, Is.EqualTo("uid-d"));
        Assert.That(await Store.GetAsync(key), Is.Null);
        var again = Assert.ThrowsAsync<StorageException>(() => Store.DeleteAsync(key));
        Assert.That(again!.Code, Is.EqualTo(StorageErrorCode.NotFound));
    }

    [Test]
    public async Task Delete_preconditions_on_uid_and_revision_are_enforced()
    {
        var key = new ObjectKey(UniqueResource(), "ns", "p");
        var created = await Store.CreateAsync(key, Json("1"), "uid-right");

        var wrongUid = Assert.ThrowsAsync<StorageException>(() => Store.DeleteAsync(key, new DeletePreconditions(Uid: "uid-wrong")));
        Assert.That(wrongUid!.Code, Is.EqualTo(StorageErrorCode.PreconditionFailed));
        var wrongRevision = Assert.ThrowsAsync<StorageException>(() => Store.DeleteAsync(key, new DeletePreconditions(Revision: created.Revision + 100)));
        Assert.That(wrongRevision!.Code, Is.EqualTo(StorageErrorCode.Conflict));
        Assert.That(await Store.GetAsync(key), Is.Not.Null, "a failed precondition deletes nothing");

        var deleted = await Store.DeleteAsync(key, new DeletePreconditions("uid-right", created.Revision));
        Assert.That(deleted.Revision, Is.GreaterThan(created.Revision));
    }

    [Test]
    public async Task Keys_with_NUL_characters_are_rejected_as_bad_requests()
    {
        var error = Assert.ThrowsAsync<StorageException>(() => Store.CreateAsync(new ObjectKey(UniqueResource(), "ns", "a\0b"), Json("1")));
        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.BadRequest));
    }

    [Test]
    public async Task A_write_cancelled_before_it_is_committed_reports_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.That(async () => await Store.CreateAsync(new ObjectKey(UniqueResource(), "ns", "c"), Json("1"), null, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Concurrent_creates_of_one_key_let_exactly_one_win()
    {
        var key = new ObjectKey(UniqueResource(), "ns", "race");
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.CreateAsync(key, Json(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return true;
            }
            catch (StorageException e) when (e.Code == StorageErrorCode.AlreadyExists)
            {
                return false;
            }
        })).ToArray();
        var outcomes = await Task.WhenAll(attempts);
        Assert.That(outcomes.Count(won => won), Is.EqualTo(1));
    }
}
