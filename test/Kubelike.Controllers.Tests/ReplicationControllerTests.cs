using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

public sealed class ReplicationControllerTests : ControllerFixture
{
    private static ReplicationController NewReplicationController(string ns, string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ReplicationControllerSpec
        {
            Replicas = replicas,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Template = Template(name, "busybox"),
        },
    };

    [Test]
    public async Task A_replication_controller_scales_up_and_down_and_replaces_a_deleted_pod()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var controllers = Client.Resource<ReplicationController>();
        var created = await controllers.CreateAsync(NewReplicationController(ns, "legacy", 2));

        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");
        Assert.That((await PodsAsync(ns)).Select(p => p.Metadata!.OwnerReferences!.Single()), Has.All.Matches<OwnerReference>(o =>
            o.ApiVersion == "v1" && o.Kind == "ReplicationController" && o.Name == "legacy" && o.Uid == created.Metadata!.Uid && o.Controller == true));
        await UntilAsync(
            async () => (await controllers.GetAsync("legacy", ns)).Status is { Replicas: 2, ReadyReplicas: 2, AvailableReplicas: 2, ObservedGeneration: 1 },
            "status with two ready replicas");

        await ModifyAsync<ReplicationController>("legacy", ns, rc => rc.Spec!.Replicas = 4);
        await UntilAsync(async () => (await controllers.GetAsync("legacy", ns)).Status is { Replicas: 4, ReadyReplicas: 4, ObservedGeneration: 2 }, "four ready replicas");
        Assert.That(await PodsAsync(ns), Has.Count.EqualTo(4));

        var victim = (await PodsAsync(ns))[0].Metadata!.Name!;
        await Client.Resource<Pod>().DeleteAsync(victim, ns);
        await UntilAsync(async () => (await PodsAsync(ns)) is { Count: 4 } now && now.All(p => p.Metadata!.Name != victim), "a replacement pod");

        await ModifyAsync<ReplicationController>("legacy", ns, rc => rc.Spec!.Replicas = 1);
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 1, "one pod");
        await UntilAsync(async () => (await controllers.GetAsync("legacy", ns)).Status is { Replicas: 1, ObservedGeneration: 3 }, "status of one replica");
    }
}
