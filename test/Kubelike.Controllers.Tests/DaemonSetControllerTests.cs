using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Controllers.DaemonSets;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

using Node = Kubelike.Api.Core.V1.Node;

/// <summary>
/// The DaemonSet controller's placement of pods, checked as it leaves them: pinned to their node by affinity for the
/// scheduler to bind. (The tests report pods ready themselves, as a node agent would; binding is the scheduler's.)
/// Nodes are cluster-wide, so each test labels its own nodes with its namespace and selects only those.
/// </summary>
public sealed class DaemonSetControllerTests : ControllerFixture
{
    private const string TestLabel = "tests.kubelike.dev/namespace";

    private async Task<List<string>> CreateNodesAsync(string ns, int count, Action<Node>? configure = null)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var node = new Node { Metadata = new ObjectMeta { Name = $"{ns}-n{i}", Labels = new Dictionary<string, string> { [TestLabel] = ns } } };
            configure?.Invoke(node);
            names.Add((await Client.Resource<Node>().CreateAsync(node)).Metadata!.Name!);
        }

        return names;
    }

    private static DaemonSet NewDaemonSet(string ns, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new DaemonSetSpec
        {
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new PodSpec
                {
                    NodeSelector = new Dictionary<string, string> { [TestLabel] = ns },
                    Containers = [new Container { Name = "agent", Image = "busybox" }],
                },
            },
        },
    };

    /// <summary>The pod on each node; while a node briefly has two (one going, one coming), the newest.</summary>
    private async Task<Dictionary<string, Pod>> PodsByNodeAsync(string ns) =>
        (await PodsAsync(ns)).GroupBy(p => DaemonPods.TargetNode(p) ?? "")
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Metadata?.CreationTimestamp)!);

    private Task<DaemonSet> GetAsync(string ns, string name) => Client.Resource<DaemonSet>().GetAsync(name, ns);

    [Test]
    public async Task A_daemon_set_runs_one_pod_pinned_to_each_of_three_nodes_and_follows_nodes_coming_and_going()
    {
        var ns = await CreateNamespaceAsync();
        var nodes = await CreateNodesAsync(ns, 3);
        var ds = await Client.Resource<DaemonSet>().CreateAsync(NewDaemonSet(ns, "agent"));

        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "three pods");
        var pods = await PodsAsync(ns);
        Assert.That(pods.Select(DaemonPods.TargetNode), Is.EquivalentTo(nodes), "one pod per node");
        Assert.Multiple(() =>
        {
            foreach (var pod in pods)
            {
                var term = pod.Spec!.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms!.Single();
                Assert.That(term.MatchFields!.Single(), Is.Not.Null.And.Matches<NodeSelectorRequirement>(r => r.Key == "metadata.name" && r.Operator == "In" && r.Values!.Count == 1));
                Assert.That(pod.Spec.NodeName, Is.Null.Or.Empty, "the scheduler binds daemon pods");
                Assert.That(pod.Spec.Tolerations!.Select(t => (t.Key, t.Effect)), Is.SupersetOf(new[]
                {
                    ("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
                    ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
                    ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule"),
                }));
                Assert.That(pod.Metadata!.Name, Does.StartWith("agent-"));
                Assert.That(pod.Metadata.OwnerReferences!.Single(), Is.Not.Null.And.Matches<OwnerReference>(o => o.Kind == "DaemonSet" && o.Uid == ds.Metadata!.Uid && o.Controller == true));
                Assert.That(pod.Metadata.Labels!["controller-revision-hash"], Is.Not.Empty);
            }
        });
        await UntilAsync(async () => (await GetAsync(ns, "agent")).Status is { DesiredNumberScheduled: 3, CurrentNumberScheduled: 3, UpdatedNumberScheduled: 3, NumberReady: 0 }, "status of three scheduled");

        foreach (var pod in pods)
            await MarkRunningAndReadyAsync(ns, pod.Metadata!.Name!);
        await UntilAsync(async () => (await GetAsync(ns, "agent")).Status is { NumberReady: 3, NumberAvailable: 3, ObservedGeneration: 1 }, "three ready");
        var (exitCode, output) = await KubectlAsync("rollout", "status", "daemonset/agent", "-n", ns, "--timeout=60s");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("daemon set \"agent\" successfully rolled out"));

        var added = (await CreateNodesAsync(ns + "-late", 1, n => n.Metadata!.Labels![TestLabel] = ns)).Single();
        await UntilAsync(async () => (await PodsByNodeAsync(ns)).ContainsKey(added), "a pod for the new node");

        await Client.Resource<Node>().DeleteAsync(nodes[0]);
        await UntilAsync(async () => (await PodsByNodeAsync(ns)).Keys.Order().SequenceEqual(new[] { nodes[1], nodes[2], added }.Order()), "the pod of the deleted node gone");
        await UntilAsync(async () => (await GetAsync(ns, "agent")).Status is { DesiredNumberScheduled: 3 }, "three desired");
    }

    [Test]
    public async Task Only_nodes_the_selector_affinity_and_taints_allow_get_a_pod()
    {
        var ns = await CreateNamespaceAsync();
        var plain = (await CreateNodesAsync(ns + "-a", 1, n => n.Metadata!.Labels![TestLabel] = ns)).Single();
        var ssd = (await CreateNodesAsync(ns + "-b", 1, n =>
        {
            n.Metadata!.Labels![TestLabel] = ns;
            n.Metadata.Labels["disk"] = "ssd";
        })).Single();
        var tainted = (await CreateNodesAsync(ns + "-c", 1, n =>
        {
            n.Metadata!.Labels![TestLabel] = ns;
            n.Metadata.Labels["disk"] = "ssd";
            n.Spec = new NodeSpec { Taints = [new Taint { Key = "dedicated", Value = "db", Effect = "NoSchedule" }] };
        })).Single();
        var cordoned = (await CreateNodesAsync(ns + "-d", 1, n =>
        {
            n.Metadata!.Labels![TestLabel] = ns;
            n.Metadata.Labels["disk"] = "ssd";
            n.Spec = new NodeSpec { Taints = [new Taint { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" }] };
        })).Single();

        var ds = NewDaemonSet(ns, "ssd-agent");
        ds.Spec!.Template!.Spec!.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = [new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "disk", Operator = "In", Values = ["ssd"] }] }],
                },
            },
        };
        await Client.Resource<DaemonSet>().CreateAsync(ds);

        // Not the unlabelled node, nor the one with an untolerated taint; the cordoned one is tolerated by default.
        await UntilAsync(async () => (await GetAsync(ns, "ssd-agent")).Status is { DesiredNumberScheduled: 2, CurrentNumberScheduled: 2 }, "two scheduled");
        Assert.That((await PodsByNodeAsync(ns)).Keys, Is.EquivalentTo(new[] { ssd, cordoned }));
        Assert.That(plain, Is.Not.Empty);

        // Tolerating the taint brings a pod there too; losing the label takes the pod away.
        await ModifyAsync<DaemonSet>("ssd-agent", ns, d => d.Spec!.Template!.Spec!.Tolerations = [new Toleration { Key = "dedicated", Operator = "Equal", Value = "db", Effect = "NoSchedule" }]);
        await UntilAsync(async () => (await PodsByNodeAsync(ns)).ContainsKey(tainted), "a pod on the tolerated node");

        await ModifyAsync<Node>(ssd, null, node => node.Metadata!.Labels!.Remove("disk"));
        await UntilAsync(async () => !(await PodsByNodeAsync(ns)).ContainsKey(ssd), "the pod of the relabelled node gone");
    }

    [Test]
    public async Task A_rolling_update_replaces_every_pod_and_records_revisions()
    {
        var ns = await CreateNamespaceAsync();
        // Three hollow nodes of this test: Ready, and they run what the scheduler binds to them.
        var labels = new Dictionary<string, string> { [TestLabel] = ns };
        await using var first = await HollowNode.StartAsync(Client, new Kubelike.Node.Hollow.HollowNodeOptions { NodeName = $"{ns}-n0", Labels = labels });
        await using var second = await HollowNode.StartAsync(Client, new Kubelike.Node.Hollow.HollowNodeOptions { NodeName = $"{ns}-n1", Labels = labels });
        await using var third = await HollowNode.StartAsync(Client, new Kubelike.Node.Hollow.HollowNodeOptions { NodeName = $"{ns}-n2", Labels = labels });
        await Client.Resource<DaemonSet>().CreateAsync(NewDaemonSet(ns, "log"));
        await UntilAsync(async () => (await GetAsync(ns, "log")).Status is { NumberAvailable: 3, UpdatedNumberScheduled: 3 }, "three available");
        var before = (await PodsAsync(ns)).Select(p => p.Metadata!.Uid).ToHashSet();

        await using var deletions = await PodDeletionRecorder.StartAsync(Client, ns);
        await ModifyAsync<DaemonSet>("log", ns, ds =>
        {
            ds.Spec!.Template!.Spec!.Containers![0].Image = "busybox:2";
            ds.Spec.UpdateStrategy = new DaemonSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new RollingUpdateDaemonSet { MaxUnavailable = IntOrString.FromInt32(1) } };
        });

        await UntilAsync(
            async () => (await GetAsync(ns, "log")).Status is { ObservedGeneration: 2, UpdatedNumberScheduled: 3, NumberAvailable: 3, DesiredNumberScheduled: 3 },
            "three updated and available");
        var after = await PodsAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(after.Select(p => p.Spec!.Containers![0].Image), Has.All.EqualTo("busybox:2"));
            Assert.That(after.Select(p => p.Metadata!.Uid), Has.None.AnyOf(before.ToArray()));
            Assert.That(deletions.Deleted, Has.Count.EqualTo(3));
        });
        var revisions = (await Client.Resource<ControllerRevision>().ListAsync(ns)).Items.OrderBy(r => r.Revision).ToList();
        Assert.That(revisions.Select(r => r.Revision), Is.EqualTo(new long?[] { 1, 2 }));
        Assert.That(after.Select(p => p.Metadata!.Labels!["controller-revision-hash"]), Has.All.EqualTo(revisions[1].Metadata!.Labels!["controller-revision-hash"]));
        Assert.That(revisions[1].Metadata!.Name, Is.EqualTo("log-" + revisions[1].Metadata!.Labels!["controller-revision-hash"]));

        var (exitCode, output) = await KubectlAsync("rollout", "status", "daemonset/log", "-n", ns, "--timeout=60s");
        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public async Task Kubectl_rollout_history_and_undo_go_back_to_the_previous_revision()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, new Kubelike.Node.Hollow.HollowNodeOptions
        {
            NodeName = $"{ns}-n0",
            Labels = new Dictionary<string, string> { [TestLabel] = ns },
        });
        await Client.Resource<DaemonSet>().CreateAsync(NewDaemonSet(ns, "undo"));
        var (code, output) = await KubectlAsync("rollout", "status", "daemonset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("set", "image", "daemonset/undo", "agent=busybox:2", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "daemonset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(await HistoryRowsAsync(ns, "daemonset/undo"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "1 <none>", "2 <none>" }));
        (code, output) = await KubectlAsync("rollout", "history", "daemonset/undo", "-n", ns, "--revision=1");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("Image:").And.Contain("busybox").And.Not.Contain("busybox:2"));

        // kubectl patches the DaemonSet with the revision's data; the controller rolls the pod back.
        (code, output) = await KubectlAsync("rollout", "undo", "daemonset/undo", "-n", ns);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("daemonset.apps/undo rolled back"));
        Assert.That((await GetAsync(ns, "undo")).Spec!.Template!.Spec!.Containers![0].Image, Is.EqualTo("busybox"));
        (code, output) = await KubectlAsync("rollout", "status", "daemonset/undo", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await PodsAsync(ns)) is [{ } pod] && pod.Spec!.Containers![0].Image == "busybox", "the one pod back on busybox");
        Assert.That(await HistoryRowsAsync(ns, "daemonset/undo"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "2 <none>", "3 <none>" }),
            "the first revision is renumbered, not duplicated");
    }

    [Test]
    public async Task With_max_surge_the_new_pod_starts_beside_the_old_one_before_it_goes()
    {
        var ns = await CreateNamespaceAsync();
        var nodes = await CreateNodesAsync(ns, 2);
        await Client.Resource<DaemonSet>().CreateAsync(NewDaemonSet(ns, "surge"));
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");
        foreach (var pod in await PodsAsync(ns))
            await MarkRunningAndReadyAsync(ns, pod.Metadata!.Name!);
        await UntilAsync(async () => (await GetAsync(ns, "surge")).Status is { NumberAvailable: 2 }, "two available");
        var old = await PodsByNodeAsync(ns);

        await ModifyAsync<DaemonSet>("surge", ns, ds =>
        {
            ds.Spec!.Template!.Spec!.Containers![0].Image = "busybox:2";
            ds.Spec.UpdateStrategy = new DaemonSetUpdateStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new RollingUpdateDaemonSet { MaxSurge = IntOrString.FromInt32(1), MaxUnavailable = IntOrString.FromInt32(0) },
            };
        });

        // One node at a time gets a second pod; the old ones stay while the new one is not ready.
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "one surge pod");
        var surged = (await PodsAsync(ns)).Single(p => p.Spec!.Containers![0].Image == "busybox:2");
        var node = DaemonPods.TargetNode(surged)!;
        await UntilAsync(async () => (await GetAsync(ns, "surge")).Status is { ObservedGeneration: 2, UpdatedNumberScheduled: 1 }, "the surge counted");
        Assert.That((await PodsAsync(ns)).Select(p => p.Metadata!.Uid), Is.SupersetOf(old.Values.Select(p => p.Metadata!.Uid)), "no old pod removed yet");

        await MarkRunningAndReadyAsync(ns, surged.Metadata!.Name!);
        await UntilAsync(async () => (await PodsAsync(ns)).All(p => p.Metadata!.Uid != old[node].Metadata!.Uid), "the old pod beside the ready new one removed");
        var other = nodes.Single(n => n != node);
        await UntilAsync(async () => (await PodsAsync(ns)).Count(p => DaemonPods.TargetNode(p) == other) == 2, "the surge moves to the other node");
        var second = (await PodsAsync(ns)).Single(p => DaemonPods.TargetNode(p) == other && p.Spec!.Containers![0].Image == "busybox:2");
        await MarkRunningAndReadyAsync(ns, second.Metadata!.Name!);
        await UntilAsync(
            async () => (await GetAsync(ns, "surge")).Status is { UpdatedNumberScheduled: 2, NumberAvailable: 2 } && (await PodsAsync(ns)).Count == 2,
            "the rollout complete");
    }
}
