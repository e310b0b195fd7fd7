using Kubelike.Api.Core.V1;
using Kubelike.Controllers.Scheduling;
using static Kubelike.Controllers.Tests.Scheduling.SchedulingFiltersTests;

namespace Kubelike.Controllers.Tests.Scheduling;

/// <summary>The scheduler's scoring of feasible nodes, without a server.</summary>
[TestFixture]
public sealed class SchedulingScoresTests
{
    [Test]
    public void The_less_allocated_node_scores_higher()
    {
        var busy = NewNodeInfo(NewNode("busy"));
        busy.AddPod(PodInfo.Of(NewPod("a", cpu: "3", memory: "6Gi")));
        var idle = NewNodeInfo(NewNode("idle"));
        var pod = PodInfo.Of(NewPod("p", cpu: "100m", memory: "128Mi"));

        Assert.That(Scores.LeastAllocated(pod, idle), Is.GreaterThan(Scores.LeastAllocated(pod, busy)));
        var scores = Scores.Score(pod, [busy, idle]);
        Assert.That(scores[1], Is.GreaterThan(scores[0]));
    }

    [Test]
    public void Balanced_allocation_prefers_even_cpu_and_memory_use()
    {
        var cpuHeavy = NewNodeInfo(NewNode("cpu-heavy", cpu: "4", memory: "8Gi"));
        cpuHeavy.AddPod(PodInfo.Of(NewPod("a", cpu: "3", memory: "1Gi")));
        var even = NewNodeInfo(NewNode("even", cpu: "4", memory: "8Gi"));
        even.AddPod(PodInfo.Of(NewPod("b", cpu: "2", memory: "4Gi")));
        var pod = PodInfo.Of(NewPod("p", cpu: "100m", memory: "200Mi"));

        Assert.That(Scores.BalancedAllocation(pod, even), Is.GreaterThan(Scores.BalancedAllocation(pod, cpuHeavy)));
    }

    [Test]
    public void Pods_of_one_controller_spread_over_nodes()
    {
        var crowded = NewNodeInfo(NewNode("crowded"));
        crowded.AddPod(PodInfo.Of(NewPod("a", owner: "rs-1")));
        crowded.AddPod(PodInfo.Of(NewPod("b", owner: "rs-1")));
        var other = NewNodeInfo(NewNode("other"));
        // The other node is busier with pods of another controller, which must not matter for spreading much.
        other.AddPod(PodInfo.Of(NewPod("c", owner: "rs-2")));

        var scores = Scores.Score(PodInfo.Of(NewPod("p", owner: "rs-1")), [crowded, other]);

        Assert.That(scores[1], Is.GreaterThan(scores[0]));
    }

    [Test]
    public void Preferred_node_affinity_adds_the_weights_of_matching_terms()
    {
        var ssd = NewNode("ssd", labels: new() { ["disk"] = "ssd", ["zone"] = "a" });
        var hdd = NewNode("hdd", labels: new() { ["disk"] = "hdd", ["zone"] = "a" });
        var pod = NewPod("p");
        pod.Spec!.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new PreferredSchedulingTerm { Weight = 80, Preference = new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "disk", Operator = "In", Values = ["ssd"] }] } },
                    new PreferredSchedulingTerm { Weight = 10, Preference = new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "zone", Operator = "In", Values = ["a"] }] } },
                ],
            },
        };

        Assert.That(Scores.PreferredAffinity(pod.Spec.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution, ssd), Is.EqualTo(90));
        Assert.That(Scores.PreferredAffinity(pod.Spec.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution, hdd), Is.EqualTo(10));
        var scores = Scores.Score(PodInfo.Of(pod), [NewNodeInfo(hdd), NewNodeInfo(ssd)]);
        Assert.That(scores[1], Is.GreaterThan(scores[0]));
    }

    [Test]
    public void A_prefer_no_schedule_taint_lowers_the_score_unless_tolerated()
    {
        var tainted = NewNode("tainted");
        tainted.Spec!.Taints = [new Taint { Key = "spot", Effect = "PreferNoSchedule" }];
        var clean = NewNode("clean");
        var tolerating = NewPod("t");
        tolerating.Spec!.Tolerations = [new Toleration { Key = "spot", Operator = "Exists" }];

        var plain = Scores.Score(PodInfo.Of(NewPod("p")), [NewNodeInfo(tainted), NewNodeInfo(clean)]);
        var tolerant = Scores.Score(PodInfo.Of(tolerating), [NewNodeInfo(tainted), NewNodeInfo(clean)]);

        Assert.That(plain[1], Is.GreaterThan(plain[0]));
        Assert.That(tolerant[1], Is.EqualTo(tolerant[0]));
    }
}
