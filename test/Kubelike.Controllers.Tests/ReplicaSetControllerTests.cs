using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

public sealed class ReplicaSetControllerTests : ControllerFixture
{
    private static ReplicaSet NewReplicaSet(string ns, string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name, "busybox"),
        },
    };

    [Test]
    public async Task A_replica_set_of_three_gets_three_owned_pods_and_replaces_a_deleted_one()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var rs = await Client.Resource<ReplicaSet>().CreateAsync(NewReplicaSet(ns, "web", 3));

        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "three pods");
        var pods = await PodsAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(pods.Select(p => p.Metadata!.Name), Has.All.Match("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
            Assert.That(pods.Select(p => p.Metadata!.OwnerReferences!.Single()), Has.All.Matches<OwnerReference>(o =>
                o.Kind == "ReplicaSet" && o.Name == "web" && o.Uid == rs.Metadata!.Uid && o.Controller == true && o.BlockOwnerDeletion == true));
        });
        await UntilAsync(
            async () => (await Client.Resource<ReplicaSet>().GetAsync("web", ns)).Status is { Replicas: 3, ReadyReplicas: 3, AvailableReplicas: 3, FullyLabeledReplicas: 3, ObservedGeneration: 1 },
            "status with three ready and available replicas");

        var victim = pods[0].Metadata!.Name!;
        await Client.Resource<Pod>().DeleteAsync(victim, ns);
        await UntilAsync(async () => (await PodsAsync(ns)) is { Count: 3 } now && now.All(p => p.Metadata!.Name != victim), "a replacement pod");
        Assert.That(await PodsAsync(ns), Has.Count.EqualTo(3), "no more pods than replicas after the replacement");
    }

    [Test]
    public async Task Scaling_down_deletes_pods_that_are_not_ready_first()
    {
        var ns = await CreateNamespaceAsync();
        var replicaSets = Client.Resource<ReplicaSet>();
        await replicaSets.CreateAsync(NewReplicaSet(ns, "api", 3));
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "three pods");

        // Two of the three become ready (as a node agent would report them); the third stays pending.
        var pods = await PodsAsync(ns);
        foreach (var pod in pods.Take(2))
        {
            pod.Status = new PodStatus
            {
                Phase = "Running",
                Conditions = [new PodCondition { Type = "Ready", Status = "True", LastTransitionTime = DateTimeOffset.UtcNow }],
            };
            await Client.Resource<Pod>().UpdateStatusAsync(pod);
        }

        await UntilAsync(async () => (await replicaSets.GetAsync("api", ns)).Status?.ReadyReplicas == 2, "two ready replicas");
        var rs = await replicaSets.GetAsync("api", ns);
        rs.Spec!.Replicas = 2;
        await replicaSets.UpdateAsync(rs);

        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");
        Assert.That((await PodsAsync(ns)).Select(p => p.Metadata!.Name), Is.EquivalentTo(pods.Take(2).Select(p => p.Metadata!.Name)), "the pending pod went");
    }

    [Test]
    public async Task An_orphan_pod_the_selector_matches_is_adopted_and_one_it_no_longer_matches_is_released()
    {
        var ns = await CreateNamespaceAsync();
        var orphan = await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "stray", Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = "db" } },
            Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] },
        });
        var rs = await Client.Resource<ReplicaSet>().CreateAsync(NewReplicaSet(ns, "db", 2));

        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");
        await UntilAsync(
            async () => (await Client.Resource<Pod>().GetAsync("stray", ns)).Metadata?.OwnerReferences?.SingleOrDefault()?.Uid == rs.Metadata!.Uid,
            "the orphan adopted");
        Assert.That((await PodsAsync(ns)).Select(p => p.Metadata!.Name), Does.Contain(orphan.Metadata!.Name), "the orphan counts as one of the two");

        var adopted = await Client.Resource<Pod>().GetAsync("stray", ns);
        adopted.Metadata!.Labels = new Dictionary<string, string> { ["app"] = "other" };
        await Client.Resource<Pod>().UpdateAsync(adopted);
        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("stray", ns)).Metadata?.OwnerReferences is null or { Count: 0 }, "the pod released");
        await UntilAsync(async () => (await PodsAsync(ns)).Count(p => p.Metadata!.Labels!["app"] == "db") == 2, "a replacement for the released pod");
    }
}
