using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.NodeLifecycle;

namespace Kubelike.Controllers.Tests.NodeLifecycle;

using Node = Kubelike.Api.Core.V1.Node;

public sealed class NodeTaintRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static Node Node(string? ready, bool unschedulable = false, params Taint[] taints) => new()
    {
        Metadata = new ObjectMeta { Name = "n" },
        Spec = new NodeSpec { Unschedulable = unschedulable, Taints = [.. taints] },
        Status = new NodeStatus { Conditions = ready is null ? [] : [new NodeCondition { Type = "Ready", Status = ready }] },
    };

    private static IEnumerable<string> Described(IEnumerable<Taint> taints) => taints.Select(t => $"{t.Key}:{t.Effect}");

    [Test]
    public void An_unknown_node_gets_the_unreachable_taints_and_keeps_the_users()
    {
        var user = new Taint { Key = "dedicated", Value = "db", Effect = "NoSchedule" };
        var taints = NodeConditionTaints.Reconcile(Node("Unknown", false, user), Now);
        Assert.That(Described(taints!), Is.EquivalentTo(new[] { "dedicated:NoSchedule", "node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute" }));
        Assert.That(taints!.Single(t => t.Effect == "NoExecute").TimeAdded?.Value, Is.EqualTo(Now), "NoExecute taints carry the time they were added");
    }

    [Test]
    public void A_not_ready_node_swaps_unreachable_for_not_ready_and_a_ready_one_loses_both()
    {
        var unreachable = new Taint { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute", TimeAdded = Now };
        Assert.That(Described(NodeConditionTaints.Reconcile(Node("False", false, unreachable), Now)!),
            Is.EquivalentTo(new[] { "node.kubernetes.io/not-ready:NoSchedule", "node.kubernetes.io/not-ready:NoExecute" }));
        Assert.That(NodeConditionTaints.Reconcile(Node("True", false, unreachable), Now), Is.Empty);
        Assert.That(NodeConditionTaints.Reconcile(Node("True"), Now), Is.Null, "nothing to change");
        Assert.That(Described(NodeConditionTaints.Reconcile(Node("True", unschedulable: true), Now)!), Is.EqualTo(new[] { "node.kubernetes.io/unschedulable:NoSchedule" }));
    }

    private static Pod Pod(params Toleration[] tolerations) => new() { Spec = new PodSpec { Tolerations = [.. tolerations] } };

    private static readonly Taint UnreachableNoExecute = new() { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute" };

    [Test]
    public void A_pod_stays_for_the_shortest_limit_of_the_tolerations_it_relies_on()
    {
        var taints = new[] { UnreachableNoExecute };
        Assert.Multiple(() =>
        {
            Assert.That(TaintEvictionController.TolerationTime(Pod(), taints), Is.EqualTo(TimeSpan.Zero), "no toleration: at once");
            Assert.That(TaintEvictionController.TolerationTime(Pod(new Toleration { Key = UnreachableNoExecute.Key, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 }), taints),
                Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(TaintEvictionController.TolerationTime(Pod(new Toleration { Operator = "Exists" }), taints), Is.Null, "tolerates everything for good");
            Assert.That(TaintEvictionController.TolerationTime(Pod(new Toleration { Key = UnreachableNoExecute.Key, Operator = "Exists", TolerationSeconds = -5 }), taints),
                Is.EqualTo(TimeSpan.Zero), "a negative limit counts as zero");
            Assert.That(TaintEvictionController.TolerationTime(Pod(new Toleration { Key = "other", Operator = "Exists" }), taints), Is.EqualTo(TimeSpan.Zero));
        });
    }
}
