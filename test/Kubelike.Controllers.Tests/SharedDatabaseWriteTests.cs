using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

/// <summary>
/// Two <c>kubelike server</c> processes on one database, written in turn, each write based on the answer of the other
/// server's: a server starts an update from the state it remembers, which may not have caught up with the other
/// server's write yet, so every write here must still succeed and build on the newest state, never answer a false
/// conflict or lose the other's change.
/// </summary>
public sealed class SharedDatabaseWriteTests
{
    private const int Rounds = 60;
    private FreshDatabase? _database;

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await FreshDatabase.CreateAsync("writes");

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task Updates_patches_and_status_writes_alternating_between_servers_build_on_each_other()
    {
        string[] arguments = ["--datastore-endpoint", _database!.ConnectionString, "--no-controllers", "--no-node"];
        await using var first = await KubelikeServer.StartAsync(arguments);
        await using var second = await KubelikeServer.StartAsync(arguments);
        using var a = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(first.Kubeconfig));
        using var b = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(second.Kubeconfig));
        const string ns = "default";

        var configMap = await a.Resource<ConfigMap>().CreateAsync(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "counter", Namespace = ns },
            Data = new Dictionary<string, string> { ["n"] = "0" },
        });
        for (var i = 1; i <= Rounds; i++)
        {
            // A conditional update with the resourceVersion the other server just answered.
            var client = i % 2 == 0 ? a : b;
            configMap.Data!["n"] = i.ToString(CultureInfo.InvariantCulture);
            configMap = await client.Resource<ConfigMap>().UpdateAsync(configMap);
            Assert.That(configMap.Data!["n"], Is.EqualTo(i.ToString(CultureInfo.InvariantCulture)));

            // An unconditional merge patch right after: it must add to that write, not to an older state.
            var other = i % 2 == 0 ? b : a;
            configMap = await other.Resource<ConfigMap>().PatchAsync("counter",
                Patch.Merge(new JsonObject { ["data"] = new JsonObject { [$"k{i}"] = "v" } }), ns);
            Assert.That(configMap.Data!.Keys, Has.Member($"k{i}").And.Member($"k{Math.Max(1, i - 1)}"));
            Assert.That(configMap.Data["n"], Is.EqualTo(i.ToString(CultureInfo.InvariantCulture)));
        }

        var stored = await a.Resource<ConfigMap>().GetAsync("counter", ns);
        Assert.That(stored.Data!.Count, Is.EqualTo(Rounds + 1));

        // A pod's status written through one server and its binding through the other, in quick succession.
        var pod = await a.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = ns },
            Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] },
        });
        for (var i = 0; i < Rounds; i++)
        {
            pod.Status ??= new PodStatus();
            pod.Status.Message = $"round {i}";
            pod = await (i % 2 == 0 ? a : b).Resource<Pod>().UpdateStatusAsync(pod);
            Assert.That(pod.Status!.Message, Is.EqualTo($"round {i}"));
        }

        await b.Resource<Pod>().CreateSubresourceAsync("p", "binding", new Binding
        {
            ApiVersion = "v1",
            Kind = "Binding",
            Metadata = new ObjectMeta { Name = "p", Namespace = ns },
            Target = new ObjectReference { Kind = "Node", Name = "somewhere" },
        }, ns);
        var bound = await a.Resource<Pod>().GetAsync("p", ns);
        Assert.Multiple(() =>
        {
            Assert.That(bound.Spec!.NodeName, Is.EqualTo("somewhere"));
            Assert.That(bound.Status!.Message, Is.EqualTo($"round {Rounds - 1}"), "the binding kept the newest status");
        });
    }
}
