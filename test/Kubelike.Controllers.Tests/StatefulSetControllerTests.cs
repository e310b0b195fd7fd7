using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

public sealed class StatefulSetControllerTests : ControllerFixture
{
    private static StatefulSet NewStatefulSet(string ns, string name, int replicas, string policy = "OrderedReady") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new StatefulSetSpec
        {
            Replicas = replicas,
            ServiceName = name,
            PodManagementPolicy = policy,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name, "busybox"),
            VolumeClaimTemplates =
            [
                new PersistentVolumeClaim
                {
                    Metadata = new ObjectMeta { Name = "data" },
                    Spec = new PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new VolumeResourceRequirements { Requests = new Dictionary<string, Quantity> { ["storage"] = Quantity.Parse("1Gi") } },
                    },
                },
            ],
        },
    };

    private async Task<List<string>> PodNamesAsync(string ns) => [.. (await PodsAsync(ns)).Select(p => p.Metadata!.Name!).Order(StringComparer.Ordinal)];

    private async Task<List<string>> ClaimNamesAsync(string ns) =>
        [.. (await Client.Resource<PersistentVolumeClaim>().ListAsync(ns)).Items.Select(c => c.Metadata!.Name!).Order(StringComparer.Ordinal)];

    private Task<StatefulSet> GetAsync(string ns, string name) => Client.Resource<StatefulSet>().GetAsync(name, ns);

    [Test]
    public async Task Ordered_ready_creates_each_pod_with_its_claim_only_after_the_previous_one_is_ready()
    {
        var ns = await CreateNamespaceAsync();
        var set = await Client.Resource<StatefulSet>().CreateAsync(NewStatefulSet(ns, "db", 3));

        // The controller has acted on the set (status counts web-0) and stops there while db-0 is not ready.
        await UntilAsync(async () => (await GetAsync(ns, "db")).Status is { Replicas: 1, ObservedGeneration: 1 }, "db-0 created and counted");
        Assert.That(await PodNamesAsync(ns), Is.EqualTo(new[] { "db-0" }));
        Assert.That(await ClaimNamesAsync(ns), Is.EqualTo(new[] { "data-db-0" }));

        var pod = await Client.Resource<Pod>().GetAsync("db-0", ns);
        var status = (await GetAsync(ns, "db")).Status!;
        Assert.Multiple(() =>
        {
            Assert.That(pod.Metadata!.Labels!["statefulset.kubernetes.io/pod-name"], Is.EqualTo("db-0"));
            Assert.That(pod.Metadata.Labels["apps.kubernetes.io/pod-index"], Is.EqualTo("0"));
            Assert.That(pod.Metadata.Labels["controller-revision-hash"], Is.EqualTo(status.UpdateRevision));
            Assert.That(pod.Metadata.OwnerReferences!.Single(), Is.Not.Null.And.Matches<OwnerReference>(o => o.Kind == "StatefulSet" && o.Uid == set.Metadata!.Uid && o.Controller == true));
            Assert.That(pod.Spec!.Hostname, Is.EqualTo("db-0"));
            Assert.That(pod.Spec.Subdomain, Is.EqualTo("db"));
            Assert.That(pod.Spec.Volumes!.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName, Is.EqualTo("data-db-0"));
            Assert.That(status.UpdateRevision, Does.StartWith("db-"));
            Assert.That(status.CurrentRevision, Is.EqualTo(status.UpdateRevision));
        });

        await MarkRunningAndReadyAsync(ns, "db-0");
        await UntilAsync(async () => (await GetAsync(ns, "db")).Status is { Replicas: 2, ReadyReplicas: 1 }, "db-1 created after db-0 became ready");
        Assert.That(await PodNamesAsync(ns), Is.EqualTo(new[] { "db-0", "db-1" }), "db-2 waits for db-1");
        Assert.That(await ClaimNamesAsync(ns), Is.EqualTo(new[] { "data-db-0", "data-db-1" }));

        await MarkRunningAndReadyAsync(ns, "db-1");
        await UntilAsync(async () => (await PodNamesAsync(ns)).Count == 3, "db-2 created after db-1 became ready");
        await MarkRunningAndReadyAsync(ns, "db-2");
        await UntilAsync(async () => (await GetAsync(ns, "db")).Status is { Replicas: 3, ReadyReplicas: 3, AvailableReplicas: 3, CurrentReplicas: 3, UpdatedReplicas: 3 }, "three ready replicas");

        var revision = await Client.Resource<ControllerRevision>().GetAsync(status.UpdateRevision!, ns);
        Assert.Multiple(() =>
        {
            Assert.That(revision.Revision, Is.EqualTo(1));
            Assert.That(revision.Metadata!.OwnerReferences!.Single(), Is.Not.Null.And.Matches<OwnerReference>(o => o.Kind == "StatefulSet" && o.Uid == set.Metadata!.Uid && o.Controller == true));
        });
    }

    [Test]
    public async Task Scaling_down_removes_pods_in_reverse_order_and_keeps_their_claims()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<StatefulSet>().CreateAsync(NewStatefulSet(ns, "web", 3));
        await UntilAsync(async () => (await GetAsync(ns, "web")).Status is { ReadyReplicas: 3 }, "three ready replicas");

        await using var deletions = await PodDeletionRecorder.StartAsync(Client, ns);
        await ModifyAsync<StatefulSet>("web", ns, set => set.Spec!.Replicas = 1);

        await UntilAsync(async () => (await GetAsync(ns, "web")).Status is { Replicas: 1, ObservedGeneration: 2 }, "one replica");
        await Poll.UntilAsync(() => deletions.Deleted.Count == 2, "two deletions seen");
        Assert.Multiple(async () =>
        {
            Assert.That(deletions.Deleted, Is.EqualTo(new[] { "web-2", "web-1" }), "highest ordinal first");
            Assert.That(await PodNamesAsync(ns), Is.EqualTo(new[] { "web-0" }));
            Assert.That(await ClaimNamesAsync(ns), Is.EqualTo(new[] { "data-web-0", "data-web-1", "data-web-2" }), "claims are retained by default");
        });

        // Scaling up again reuses the retained claims under the same names.
        await ModifyAsync<StatefulSet>("web", ns, set => set.Spec!.Replicas = 2);
        await UntilAsync(async () => (await GetAsync(ns, "web")).Status is { ReadyReplicas: 2, ObservedGeneration: 3 }, "two ready replicas");
        Assert.That((await Client.Resource<Pod>().GetAsync("web-1", ns)).Spec!.Volumes!.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName, Is.EqualTo("data-web-1"));
    }

    [Test]
    public async Task A_claim_retention_policy_of_delete_removes_the_claims_of_scaled_down_pods()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var set = NewStatefulSet(ns, "cache", 3, policy: "Parallel");
        set.Spec!.PersistentVolumeClaimRetentionPolicy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenScaled = "Delete", WhenDeleted = "Retain" };
        await Client.Resource<StatefulSet>().CreateAsync(set);
        await UntilAsync(async () => (await GetAsync(ns, "cache")).Status is { ReadyReplicas: 3 }, "three ready replicas");

        await ModifyAsync<StatefulSet>("cache", ns, set => set.Spec!.Replicas = 1);
        await UntilAsync(async () => await ClaimNamesAsync(ns) is ["data-cache-0"], "only the claim of cache-0 left");
        Assert.That(await PodNamesAsync(ns), Is.EqualTo(new[] { "cache-0" }));
    }

    [Test]
    public async Task A_rolling_update_with_a_partition_replaces_pods_from_the_highest_ordinal_down_to_the_partition()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<StatefulSet>().CreateAsync(NewStatefulSet(ns, "kv", 3));
        await UntilAsync(async () => (await GetAsync(ns, "kv")).Status is { ReadyReplicas: 3, UpdatedReplicas: 3 }, "three ready replicas");
        var first = (await GetAsync(ns, "kv")).Status!.CurrentRevision;

        await using var deletions = await PodDeletionRecorder.StartAsync(Client, ns);
        await ModifyAsync<StatefulSet>("kv", ns, set =>
        {
            set.Spec!.Template!.Spec!.Containers![0].Image = "busybox:2";
            set.Spec.UpdateStrategy = new StatefulSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = 1 } };
        });

        await UntilAsync(
            async () => (await GetAsync(ns, "kv")).Status is { ObservedGeneration: 2, UpdatedReplicas: 2, ReadyReplicas: 3, Replicas: 3 },
            "the two pods above the partition updated and ready");
        var status = (await GetAsync(ns, "kv")).Status!;
        var pods = (await PodsAsync(ns)).ToDictionary(p => p.Metadata!.Name!);
        Assert.Multiple(() =>
        {
            Assert.That(status.UpdateRevision, Is.Not.EqualTo(first));
            Assert.That(status.CurrentRevision, Is.EqualTo(first), "the rollout is not complete below the partition");
            Assert.That(status.CurrentReplicas, Is.EqualTo(1));
            Assert.That(deletions.Deleted, Is.EqualTo(new[] { "kv-2", "kv-1" }), "one at a time, highest ordinal first");
            Assert.That(pods["kv-0"].Spec!.Containers![0].Image, Is.EqualTo("busybox"));
            Assert.That(pods["kv-0"].Metadata!.Labels!["controller-revision-hash"], Is.EqualTo(first));
            Assert.That(pods["kv-1"].Spec!.Containers![0].Image, Is.EqualTo("busybox:2"));
            Assert.That(pods["kv-2"].Metadata!.Labels!["controller-revision-hash"], Is.EqualTo(status.UpdateRevision));
        });
        var revisions = (await Client.Resource<ControllerRevision>().ListAsync(ns)).Items;
        Assert.That(revisions.Select(r => (r.Metadata!.Name, r.Revision)), Is.EquivalentTo(new[] { (first, 1L), (status.UpdateRevision, 2L) }));

        // A pod below the partition that is deleted comes back at the current revision.
        await Client.Resource<Pod>().DeleteAsync("kv-0", ns);
        await UntilAsync(async () => (await PodsAsync(ns)).Any(p => p.Metadata!.Name == "kv-0" && p.Metadata.Uid != pods["kv-0"].Metadata!.Uid), "kv-0 recreated");
        Assert.That((await Client.Resource<Pod>().GetAsync("kv-0", ns)).Spec!.Containers![0].Image, Is.EqualTo("busybox"));

        await ModifyAsync<StatefulSet>("kv", ns, set => set.Spec!.UpdateStrategy!.RollingUpdate!.Partition = 0);
        await UntilAsync(
            async () => (await GetAsync(ns, "kv")).Status is { ObservedGeneration: 3, UpdatedReplicas: 3, CurrentReplicas: 3, ReadyReplicas: 3 } s && s.CurrentRevision == s.UpdateRevision,
            "the rollout complete");
        Assert.That((await PodsAsync(ns)).Select(p => p.Spec!.Containers![0].Image), Has.All.EqualTo("busybox:2"));

        var (exitCode, output) = await KubectlAsync("rollout", "status", "statefulset/kv", "-n", ns, "--timeout=60s");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("partitioned roll out complete: 3 new pods have been updated"));
    }

    [Test]
    public async Task Kubectl_rollout_history_and_undo_go_back_to_the_previous_revision()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<StatefulSet>().CreateAsync(NewStatefulSet(ns, "undo", 2));
        var (code, output) = await KubectlAsync("rollout", "status", "statefulset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("set", "image", "statefulset/undo", "main=busybox:2", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "statefulset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(await HistoryRowsAsync(ns, "statefulset/undo"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "1 <none>", "2 <none>" }));

        // kubectl patches the StatefulSet with the revision's data; the controller rolls the pods back.
        (code, output) = await KubectlAsync("rollout", "undo", "statefulset/undo", "-n", ns, "--to-revision=1");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("statefulset.apps/undo rolled back"));
        (code, output) = await KubectlAsync("rollout", "status", "statefulset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await PodsAsync(ns)).Count(p => p.Spec!.Containers![0].Image == "busybox") == 2, "both pods back on busybox");
        Assert.That(await HistoryRowsAsync(ns, "statefulset/undo"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "2 <none>", "3 <none>" }),
            "the first revision is renumbered, not duplicated");
        var set = await GetAsync(ns, "undo");
        Assert.That(set.Status!.CurrentRevision, Is.EqualTo(set.Status.UpdateRevision));
    }

    [Test]
    public async Task Old_revisions_beyond_the_history_limit_are_removed()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var created = NewStatefulSet(ns, "hist", 1);
        created.Spec!.RevisionHistoryLimit = 1;
        await Client.Resource<StatefulSet>().CreateAsync(created);
        foreach (var tag in new[] { "2", "3", "4" })
        {
            var set = await ModifyAsync<StatefulSet>("hist", ns, s => s.Spec!.Template!.Spec!.Containers![0].Image = "busybox:" + tag);
            await UntilAsync(
                async () => (await GetAsync(ns, "hist")).Status is { ReadyReplicas: 1, UpdatedReplicas: 1 } s && s.ObservedGeneration == set.Metadata!.Generation && s.CurrentRevision == s.UpdateRevision,
                "image " + tag + " rolled out");
        }

        // The live revision and one more of history.
        await UntilAsync(async () => (await Client.Resource<ControllerRevision>().ListAsync(ns)).Items.Count == 2, "two revisions left");
        var revisions = (await Client.Resource<ControllerRevision>().ListAsync(ns)).Items;
        Assert.That(revisions.Select(r => r.Revision), Is.EquivalentTo(new long?[] { 3, 4 }));

        await Client.Resource<StatefulSet>().DeleteAsync("hist", ns);
        await UntilAsync(async () => (await Client.Resource<ControllerRevision>().ListAsync(ns)).Items.Count == 0, "revisions collected with their set");
    }
}
