using System.Diagnostics;
using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

/// <summary>
/// Two <c>kubelike server</c> processes on one PostgreSQL database (KUBELIKE_TEST_PG): only the holder of the
/// <c>kube-controller-manager</c> Lease runs controllers; when it is killed the other takes the Lease over once it
/// expires and reconciles what changed meanwhile; a server stopped cleanly releases the Lease on its way out.
/// </summary>
public sealed class LeaderElectionTests
{
    private const string LeaseName = "kube-controller-manager";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private FreshDatabase? _database;

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await FreshDatabase.CreateAsync("leader");

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task Only_the_leader_reconciles_and_the_other_server_takes_over_when_the_leader_is_killed()
    {
        await using var first = await KubelikeServer.StartAsync(["--datastore-endpoint", _database!.ConnectionString]);
        using var firstClient = Connect(first);
        var leader = await HolderAsync(firstClient, h => h is not null, "the first server leads");
        await using var second = await KubelikeServer.StartAsync(["--datastore-endpoint", _database!.ConnectionString]);
        using var client = Connect(second);
        Assert.That(first.Output, Does.Contain($"{leader} is the leader; starting"), "the Lease names the first server");

        // Made through the follower's API; acted on by the leader's controllers only.
        var replicaSets = client.Resource<ReplicaSet>();
        await replicaSets.CreateAsync(NewReplicaSet("web", 2));
        await PodCountAsync(client, 2);
        await ScaleAsync(replicaSets, 3);
        await PodCountAsync(client, 3);
        Assert.Multiple(() =>
        {
            Assert.That(second.Output, Does.Not.Contain("controllers started"), "the follower runs no controllers");
            Assert.That(second.Output, Does.Contain($"the leader is {leader}"));
        });

        // The leader dies without releasing anything; a change made now waits for the new leader.
        using (var process = Process.GetProcessById(first.Pid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        await ScaleAsync(replicaSets, 5);
        var successor = await HolderAsync(client, h => h is not null && h != leader, "the second server takes the lease over");
        await PodCountAsync(client, 5);
        var lease = await client.Resource<Lease>().GetAsync(LeaseName, "kube-system");
        Assert.Multiple(() =>
        {
            Assert.That(second.Output, Does.Contain($"{successor} is the leader; starting"));
            Assert.That(lease.Spec?.LeaseTransitions, Is.EqualTo(1));
            Assert.That(lease.Spec?.LeaseDurationSeconds, Is.EqualTo(15));
        });
    }

    [Test]
    public async Task A_leader_stopped_cleanly_releases_the_lease_before_it_exits()
    {
        await using var first = await KubelikeServer.StartAsync(["--datastore-endpoint", _database!.ConnectionString]);
        using var firstClient = Connect(first);
        var leader = await HolderAsync(firstClient, h => h is not null, "the first server leads");
        await using var second = await KubelikeServer.StartAsync(["--datastore-endpoint", _database!.ConnectionString]);
        using var client = Connect(second);

        Assert.That(await first.StopAsync(), Is.Zero, first.Output);

        var lease = await client.Resource<Lease>().GetAsync(LeaseName, "kube-system");
        Assert.That(lease.Spec?.HolderIdentity, Is.Not.EqualTo(leader), "released (or already taken over) by the time the leader exited");
        Assert.That(first.Output, Does.Contain($"{leader} released the lease"));
        await HolderAsync(client, h => h is not null && h != leader, "the second server leads");
    }

    /// <summary>An unconditional patch: the leader's controllers write status meanwhile.</summary>
    private static async Task ScaleAsync(ResourceClient<ReplicaSet> replicaSets, int replicas) =>
        await replicaSets.PatchAsync("web", Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }), "default");

    private static KubernetesClient Connect(KubelikeServer server) => new(KubernetesClientConfiguration.FromKubeconfig(server.Kubeconfig));

    private static async Task<string> HolderAsync(KubernetesClient client, Func<string?, bool> wanted, string what)
    {
        string? holder = null;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    holder = (await client.Resource<Lease>().GetAsync(LeaseName, "kube-system")).Spec?.HolderIdentity;
                    holder = string.IsNullOrEmpty(holder) ? null : holder;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    holder = null;
                }

                return wanted(holder) ? what : null;
            },
            what,
            Deadline);
        return holder!;
    }

    private static async Task PodCountAsync(KubernetesClient client, int count) =>
        await Poll.UntilAsync(
            async () => (await client.Resource<Pod>().ListAsync("default", new ListParameters { LabelSelector = "app=web" })).Items.Count(p => p.Metadata?.DeletionTimestamp is null) == count ? "pods" : null,
            $"{count} pods",
            Deadline);

    private static ReplicaSet NewReplicaSet(string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] },
            },
        },
    };
}
