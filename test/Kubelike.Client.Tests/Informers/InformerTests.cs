using System.Collections.Concurrent;
using System.Diagnostics;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Client.Tests.Rest;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Informers;

/// <summary>Informers against a real server: the cache follows the server, handlers see every change.</summary>
public sealed class InformerTests : ClusterFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_cache_converges_after_creates_updates_and_deletes_and_handlers_see_each_change()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        await configMaps.CreateAsync(NewConfigMap(ns, "before"));
        var handler = new RecordingHandler();
        await using var informer = new SharedInformer<ConfigMap>(configMaps, new InformerOptions { Namespace = ns });
        informer.AddEventHandler(handler);
        informer.Start();

        using var deadline = new CancellationTokenSource(Deadline);
        Assert.That(await informer.WaitForCacheSyncAsync(deadline.Token), Is.True);
        for (var i = 0; i < 20; i++)
            await configMaps.CreateAsync(NewConfigMap(ns, $"cm-{i}"));
        for (var i = 0; i < 20; i += 2)
        {
            var cm = await configMaps.GetAsync($"cm-{i}", ns);
            cm.Data!["key"] = "updated";
            await configMaps.UpdateAsync(cm);
        }

        for (var i = 1; i < 20; i += 4)
            await configMaps.DeleteAsync($"cm-{i}", ns);
        await configMaps.DeleteAsync("before", ns);
        var expected = (await configMaps.ListAsync(ns)).Items.ToDictionary(c => c.Metadata!.Name!, c => c.Metadata!.ResourceVersion);

        await Poll.UntilAsync(() => Snapshot(informer).SequenceEqual(expected.OrderBy(e => e.Key)), "the cache matches the server", diagnostics: () => string.Join(", ", informer.Cache.ListKeys()));
        Assert.Multiple(() =>
        {
            Assert.That(handler.Events, Does.Contain($"add {ns}/before initial"));
            Assert.That(handler.Events.Count(e => e.StartsWith("add ", StringComparison.Ordinal) && !e.EndsWith("initial", StringComparison.Ordinal)), Is.EqualTo(20));
            Assert.That(handler.Events.Count(e => e.StartsWith("update ", StringComparison.Ordinal)), Is.EqualTo(10));
            Assert.That(handler.Events.Where(e => e.StartsWith("delete ", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "before", "cm-1", "cm-5", "cm-9", "cm-13", "cm-17" }.Select(n => $"delete {ns}/{n} final")));
            Assert.That(informer.ListCount, Is.EqualTo(1));
            Assert.That(informer.HasSynced, Is.True);
        });
    }

    [Test]
    public async Task Indexers_find_objects_by_namespace_by_controller_and_by_a_custom_key()
    {
        var ns = await CreateNamespaceAsync();
        var other = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var owner = await Client.Resource<Deployment>().CreateAsync(ResourceClientTests.NewDeployment(ns, "owner"));
        var run = new Dictionary<string, string> { ["run"] = ns };
        var owned = NewConfigMap(ns, "owned", labels: run);
        owned.Metadata!.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "owner", Uid = owner.Metadata!.Uid, Controller = true }];
        await configMaps.CreateAsync(owned);
        await configMaps.CreateAsync(NewConfigMap(ns, "free", labels: new Dictionary<string, string>(run) { ["tier"] = "front" }));
        await configMaps.CreateAsync(NewConfigMap(other, "elsewhere", labels: new Dictionary<string, string>(run) { ["tier"] = "front" }));
        // All namespaces, narrowed to this test's objects by label.
        await using var informer = new SharedInformer<ConfigMap>(configMaps, new InformerOptions { LabelSelector = $"run={ns}" });
        informer.AddIndexer(CacheIndexers.ControllerUid, CacheIndexers.ByControllerUid);
        informer.AddIndexer("tier", c => c.Metadata?.Labels?.TryGetValue("tier", out var tier) == true ? [tier] : []);
        informer.Start();

        using var deadline = new CancellationTokenSource(Deadline);
        await informer.WaitForCacheSyncAsync(deadline.Token);

        Assert.Multiple(() =>
        {
            Assert.That(informer.Cache.ByIndex(CacheIndexers.Namespace, ns).Select(c => c.Metadata?.Name), Is.EquivalentTo(new[] { "owned", "free" }));
            Assert.That(informer.Cache.ByIndex(CacheIndexers.ControllerUid, owner.Metadata.Uid!).Select(c => c.Metadata?.Name), Is.EqualTo(new[] { "owned" }));
            Assert.That(informer.Cache.ByIndex("tier", "front").Select(c => ObjectAccessor.GetKey(c)), Is.EquivalentTo(new[] { $"{ns}/free", $"{other}/elsewhere" }));
            Assert.That(informer.Cache.Get(other, "elsewhere"), Is.Not.Null);
        });
    }

    [Test]
    public async Task A_shared_factory_hands_out_one_informer_per_resource_and_a_late_handler_gets_the_cache_as_adds()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<ConfigMap>().CreateAsync(NewConfigMap(ns, "seen"));
        await using var factory = new SharedInformerFactory(Client, new InformerOptions { Namespace = ns });
        var first = factory.GetInformer<ConfigMap>();
        var second = factory.GetInformer<ConfigMap>();
        var deployments = factory.GetInformer<Deployment>();
        factory.Start();

        using var deadline = new CancellationTokenSource(Deadline);
        Assert.That(await factory.WaitForCacheSyncAsync(deadline.Token), Is.True);
        var late = new RecordingHandler();
        second.AddEventHandler(late);

        await Poll.UntilAsync(() => late.Events.Count == 1, "the late handler hears of the cached object");
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(deployments.HasSynced, Is.True);
            Assert.That(late.Events, Is.EqualTo(new[] { $"add {ns}/seen initial" }));
        });
    }

    [Test]
    public async Task A_resync_period_redelivers_cached_objects_as_updates()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<ConfigMap>().CreateAsync(NewConfigMap(ns, "steady"));
        var handler = new RecordingHandler();
        await using var informer = new SharedInformer<ConfigMap>(Client.Resource<ConfigMap>(), new InformerOptions { Namespace = ns });
        informer.AddEventHandler(handler, resyncPeriod: TimeSpan.FromMilliseconds(200));
        informer.Start();

        await Poll.UntilAsync(() => handler.Events.Count(e => e == $"update {ns}/steady same") >= 2, "two resyncs");
    }

    /// <summary>The informer's sync time for 10,000 objects, printed (not asserted: the machine is shared).</summary>
    [Test]
    public async Task An_informer_syncs_ten_thousand_objects()
    {
        const int Count = 10_000;
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var create = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
            await configMaps.CreateAsync(NewConfigMap(ns, $"load-{i:D5}"), cancellationToken: token));
        create.Stop();

        var sync = Stopwatch.StartNew();
        await using var informer = new SharedInformer<ConfigMap>(configMaps, new InformerOptions { Namespace = ns });
        informer.Start();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Assert.That(await informer.WaitForCacheSyncAsync(deadline.Token), Is.True);
        sync.Stop();

        Assert.That(informer.Cache.Count, Is.EqualTo(Count));
        await TestContext.Out.WriteLineAsync(
            $"informer sync of {Count} ConfigMaps (pages of {informer.Options.PageSize}): {sync.ElapsedMilliseconds} ms; creating them with 32 clients took {create.ElapsedMilliseconds} ms");
    }

    private static IEnumerable<KeyValuePair<string, string?>> Snapshot(SharedInformer<ConfigMap> informer) =>
        informer.Cache.List().Select(c => KeyValuePair.Create(c.Metadata!.Name!, c.Metadata.ResourceVersion)).OrderBy(e => e.Key);

    /// <summary>Records what a handler was told, as readable lines.</summary>
    internal sealed class RecordingHandler : IResourceEventHandler<ConfigMap>
    {
        private readonly ConcurrentQueue<string> _events = new();

        public IReadOnlyList<string> Events => [.. _events];

        public void OnAdd(ConfigMap obj, bool isInInitialList) =>
            _events.Enqueue($"add {ObjectAccessor.GetKey(obj)}{(isInInitialList ? " initial" : "")}");

        public void OnUpdate(ConfigMap oldObj, ConfigMap newObj) =>
            _events.Enqueue($"update {ObjectAccessor.GetKey(newObj)} {(oldObj.Metadata?.ResourceVersion == newObj.Metadata?.ResourceVersion ? "same" : "changed")}");

        public void OnDelete(ConfigMap obj, bool finalStateUnknown) =>
            _events.Enqueue($"delete {ObjectAccessor.GetKey(obj)} {(finalStateUnknown ? "tombstone" : "final")}");
    }
}
