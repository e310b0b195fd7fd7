using Kubelike.Api.Core.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Client.Tests.Support;
using Kubelike.Client.Watch;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kubelike.Client.Tests.Informers;

/// <summary>
/// An informer whose watch comes back after the server compacted the history it would resume from: the watch
/// answers 410 Expired, and the informer relists. Two servers share one PostgreSQL database (KUBELIKE_TEST_PG):
/// the informer's server is stopped, changes are made through the other one, the history is compacted, and the
/// informer's server starts again with an empty watch cache.
/// </summary>
public sealed class InformerRelistTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private string? _database;
    private string? _connectionString;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("KUBELIKE_TEST_PG");
        Assert.That(server, Is.Not.Null.And.Not.Empty, "KUBELIKE_TEST_PG must name a PostgreSQL server (hack/run-tests.sh sets it)");
        _database = "kl_client_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("KUBELIKE_TEST_PG"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task After_the_history_is_compacted_the_informer_relists_and_converges_with_tombstones_for_missed_deletes()
    {
        string[] datastore = ["--datastore-endpoint", _connectionString!];
        await using var watched = await KubelikeServer.StartAsync(datastore);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(watched.Kubeconfig));
        var configMaps = client.Resource<ConfigMap>();
        const string Ns = "default";
        for (var i = 0; i < 10; i++)
            await configMaps.CreateAsync(NewConfigMap(Ns, $"cm-{i}"));
        var handler = new InformerTests.RecordingHandler();
        await using var informer = new SharedInformer<ConfigMap>(configMaps, new InformerOptions { Namespace = Ns, InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) });
        informer.AddEventHandler(handler);
        informer.Start();
        using var deadline = new CancellationTokenSource(Deadline);
        Assert.That(await informer.WaitForCacheSyncAsync(deadline.Token), Is.True);
        var staleResourceVersion = informer.LastSyncResourceVersion;

        // While the informer's server is down, another server changes things and the history goes.
        await watched.StopAsync();
        await using (var other = await KubelikeServer.StartAsync(datastore))
        {
            using var otherClient = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(other.Kubeconfig));
            var otherConfigMaps = otherClient.Resource<ConfigMap>();
            for (var i = 0; i < 3; i++)
                await otherConfigMaps.DeleteAsync($"cm-{i}", Ns);
            var changed = await otherConfigMaps.GetAsync("cm-5", Ns);
            changed.Data!["key"] = "changed while away";
            await otherConfigMaps.UpdateAsync(changed);
            await otherConfigMaps.CreateAsync(NewConfigMap(Ns, "new-while-away"));
        }

        await CompactAllHistoryAsync();
        await watched.RestartAsync();
        using var watchDeadline = new CancellationTokenSource(Deadline);
        var expired = Assert.ThrowsAsync<ResourceVersionExpiredException>(async () =>
        {
            await foreach (var _ in configMaps.WatchAsync(Ns, new WatchParameters { ResourceVersion = staleResourceVersion }, watchDeadline.Token))
            {
            }
        });
        var expected = (await configMaps.ListAsync(Ns)).Items.ToDictionary(c => c.Metadata!.Name!, c => c.Metadata!.ResourceVersion);

        await Poll.UntilAsync(
            () => informer.Cache.List().Select(c => KeyValuePair.Create(c.Metadata!.Name!, c.Metadata.ResourceVersion)).OrderBy(e => e.Key).SequenceEqual(expected.OrderBy(e => e.Key)),
            "the cache matches the server after the relist",
            Deadline,
            () => $"cache: {string.Join(", ", informer.Cache.ListKeys())}{Environment.NewLine}{watched.Output}");
        await Poll.UntilAsync(() => handler.Events.Count(e => e.EndsWith("tombstone", StringComparison.Ordinal)) == 3, "the missed deletes are delivered");
        Assert.Multiple(() =>
        {
            Assert.That(expired!.IsGone, Is.True);
            Assert.That(expired.Code, Is.EqualTo(410));
            Assert.That(informer.ListCount, Is.EqualTo(2), "the first list and one relist");
            Assert.That(informer.Cache.Get(Ns, "cm-5")?.Data?["key"], Is.EqualTo("changed while away"));
            Assert.That(handler.Events.Where(e => e.StartsWith("delete ", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "cm-0", "cm-1", "cm-2" }.Select(n => $"delete {Ns}/{n} tombstone")));
            Assert.That(handler.Events, Does.Contain($"add {Ns}/new-while-away"));
        });
    }

    /// <summary>What a server's compactor does once history is old enough, done now: every revision so far goes.</summary>
    private async Task CompactAllHistoryAsync()
    {
        var options = new PostgresStoreOptions { HistoryRetention = TimeSpan.Zero, HistoryMinRevisions = 0 };
        await using var store = await PostgresObjectStore.OpenAsync(_connectionString!, options, NullLoggerFactory.Instance);
        var before = await store.GetRevisionsAsync();
        var compacted = await store.CompactAsync();
        Assert.That(compacted, Is.EqualTo(before.Current), "the whole history was compacted");
    }

    private static ConfigMap NewConfigMap(string ns, string name) => new()
    {
        Metadata = new Kubelike.Api.Meta.V1.ObjectMeta { Name = name, Namespace = ns },
        Data = new Dictionary<string, string> { ["key"] = "value" },
    };
}
