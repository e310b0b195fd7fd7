using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Controllers.Scheduling;

namespace Kubelike.Controllers.Tests.Scheduling;

using Node = Kubelike.Api.Core.V1.Node;

/// <summary>The scheduler's filters, node by node, without a server.</summary>
[TestFixture]
public sealed class SchedulingFiltersTests
{
    [Test]
    public void A_pod_fits_a_node_with_room_and_not_one_without()
    {
        var node = NewNodeInfo(NewNode("n1", cpu: "2", memory: "4Gi", pods: "10"));
        node.AddPod(PodInfo.Of(NewPod("a", cpu: "1500m", memory: "1Gi")));

        Assert.That(Filters.Check(PodInfo.Of(NewPod("b", cpu: "500m", memory: "3Gi")), node), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(NewPod("c", cpu: "501m", memory: "3Gi")), node), Is.EqualTo(new[] { "Insufficient cpu" }));
        Assert.That(Filters.Check(PodInfo.Of(NewPod("d", cpu: "600m", memory: "4Gi")), node), Is.EqualTo(new[] { "Insufficient cpu", "Insufficient memory" }));
    }

    [Test]
    public void The_pods_capacity_counts_pods_with_no_requests()
    {
        var node = NewNodeInfo(NewNode("n1", pods: "2"));
        node.AddPod(PodInfo.Of(NewPod("a")));
        node.AddPod(PodInfo.Of(NewPod("b")));

        Assert.That(Filters.Check(PodInfo.Of(NewPod("c")), node), Is.EqualTo(new[] { "Too many pods" }));
        node.RemovePod(PodInfo.Of(NewPod("a")).Uid);
        Assert.That(Filters.Check(PodInfo.Of(NewPod("c")), node), Is.Empty);
    }

    [Test]
    public void Ephemeral_storage_and_extended_resources_are_counted()
    {
        var n = NewNode("n1");
        n.Status!.Allocatable!["ephemeral-storage"] = Quantity.Parse("10Gi");
        n.Status.Allocatable["example.com/gpu"] = Quantity.Parse("1");
        var node = NewNodeInfo(n);
        var pod = NewPod("a");
        pod.Spec!.Containers![0].Resources!.Requests!["ephemeral-storage"] = Quantity.Parse("11Gi");
        pod.Spec.Containers[0].Resources!.Requests!["example.com/gpu"] = Quantity.Parse("2");

        Assert.That(Filters.Check(PodInfo.Of(pod), node), Is.EqualTo(new[] { "Insufficient ephemeral-storage", "Insufficient example.com/gpu" }));
    }

    [Test]
    public void Init_containers_count_by_the_largest_and_overhead_is_added()
    {
        var pod = NewPod("a", cpu: "100m", memory: "64Mi");
        pod.Spec!.InitContainers = [Container("init", "2", "32Mi")];
        pod.Spec.Overhead = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("10m") };

        var info = PodInfo.Of(pod);

        Assert.That((info.Requests.MilliCpu, info.Requests.Memory), Is.EqualTo((2010L, 64L * 1024 * 1024)));
    }

    [Test]
    public void A_node_selector_must_match_every_label()
    {
        var node = NewNodeInfo(NewNode("n1", labels: new() { ["disk"] = "ssd", ["zone"] = "a" }));
        var matching = NewPod("a");
        matching.Spec!.NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" };
        var other = NewPod("b");
        other.Spec!.NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd", ["zone"] = "b" };

        Assert.That(Filters.Check(PodInfo.Of(matching), node), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(other), node), Is.EqualTo(new[] { Filters.AffinityMismatch }));
    }

    [TestCase("In", new[] { "a", "b" }, true)]
    [TestCase("In", new[] { "c" }, false)]
    [TestCase("NotIn", new[] { "c" }, true)]
    [TestCase("NotIn", new[] { "a" }, false)]
    [TestCase("Exists", new string[0], true)]
    [TestCase("DoesNotExist", new string[0], false)]
    [TestCase("Gt", new[] { "2" }, false)]
    public void Required_node_affinity_operators(string op, string[] values, bool fits)
    {
        var node = NewNodeInfo(NewNode("n1", labels: new() { ["zone"] = "a" }));
        var pod = WithRequiredAffinity(NewPod("p"), new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "zone", Operator = op, Values = values }] });

        Assert.That(Filters.Check(PodInfo.Of(pod), node), fits ? Is.Empty : Is.EqualTo(new[] { Filters.AffinityMismatch }));
    }

    [TestCase("Gt", "3", true)]
    [TestCase("Gt", "4", false)]
    [TestCase("Lt", "5", true)]
    [TestCase("Lt", "4", false)]
    public void Gt_and_Lt_compare_integers(string op, string bound, bool fits)
    {
        var node = NewNodeInfo(NewNode("n1", labels: new() { ["cores"] = "4" }));
        var pod = WithRequiredAffinity(NewPod("p"), new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "cores", Operator = op, Values = [bound] }] });

        Assert.That(Filters.Check(PodInfo.Of(pod), node), fits ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public void Match_fields_select_a_node_by_name_and_terms_are_ored()
    {
        var pod = WithRequiredAffinity(NewPod("p"),
            new NodeSelectorTerm { MatchFields = [new NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = ["n2"] }] },
            new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "zone", Operator = "In", Values = ["c"] }] });

        Assert.That(Filters.Check(PodInfo.Of(pod), NewNodeInfo(NewNode("n1"))), Is.EqualTo(new[] { Filters.AffinityMismatch }));
        Assert.That(Filters.Check(PodInfo.Of(pod), NewNodeInfo(NewNode("n2"))), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(pod), NewNodeInfo(NewNode("n3", labels: new() { ["zone"] = "c" }))), Is.Empty);
    }

    [Test]
    public void An_empty_term_matches_no_node()
    {
        var pod = WithRequiredAffinity(NewPod("p"), new NodeSelectorTerm());

        Assert.That(Filters.Check(PodInfo.Of(pod), NewNodeInfo(NewNode("n1"))), Is.EqualTo(new[] { Filters.AffinityMismatch }));
    }

    [Test]
    public void Taints_need_a_matching_toleration()
    {
        var n = NewNode("n1");
        n.Spec!.Taints = [new Taint { Key = "dedicated", Value = "infra", Effect = "NoSchedule" }, new Taint { Key = "soft", Effect = "PreferNoSchedule" }];
        var node = NewNodeInfo(n);
        var plain = NewPod("a");
        var tolerating = NewPod("b");
        tolerating.Spec!.Tolerations = [new Toleration { Key = "dedicated", Operator = "Equal", Value = "infra", Effect = "NoSchedule" }];
        var wrongValue = NewPod("c");
        wrongValue.Spec!.Tolerations = [new Toleration { Key = "dedicated", Value = "db" }];
        var everything = NewPod("d");
        everything.Spec!.Tolerations = [new Toleration { Operator = "Exists" }];

        Assert.That(Filters.Check(PodInfo.Of(plain), node), Is.EqualTo(new[] { "node(s) had untolerated taint {dedicated: infra}" }));
        Assert.That(Filters.Check(PodInfo.Of(tolerating), node), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(wrongValue), node), Is.Not.Empty);
        Assert.That(Filters.Check(PodInfo.Of(everything), node), Is.Empty);
    }

    [Test]
    public void A_node_that_is_not_ready_is_treated_as_tainted_not_ready()
    {
        var n = NewNode("n1");
        n.Status!.Conditions = [new NodeCondition { Type = "Ready", Status = "False" }];
        var tolerating = NewPod("b");
        tolerating.Spec!.Tolerations = [new Toleration { Key = Taints.NotReady, Operator = "Exists" }];

        Assert.That(Filters.Check(PodInfo.Of(NewPod("a")), NewNodeInfo(n)), Is.EqualTo(new[] { "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" }));
        Assert.That(Filters.Check(PodInfo.Of(tolerating), NewNodeInfo(n)), Is.Empty);
    }

    [Test]
    public void A_cordoned_node_takes_only_pods_tolerating_it()
    {
        var n = NewNode("n1");
        n.Spec!.Unschedulable = true;
        var tolerating = NewPod("b");
        tolerating.Spec!.Tolerations = [new Toleration { Key = Taints.Unschedulable, Operator = "Exists", Effect = "NoSchedule" }];

        Assert.That(Filters.Check(PodInfo.Of(NewPod("a")), NewNodeInfo(n)), Is.EqualTo(new[] { Filters.Unschedulable }));
        Assert.That(Filters.Check(PodInfo.Of(tolerating), NewNodeInfo(n)), Is.Empty);
    }

    [Test]
    public void Host_ports_conflict_by_protocol_port_and_address()
    {
        var node = NewNodeInfo(NewNode("n1"));
        node.AddPod(PodInfo.Of(WithHostPort(NewPod("a"), 8080, "TCP", null)));
        node.AddPod(PodInfo.Of(WithHostPort(NewPod("b"), 9090, "TCP", "10.0.0.1")));

        Assert.That(Filters.Check(PodInfo.Of(WithHostPort(NewPod("c"), 8080, "TCP", "10.0.0.2")), node), Is.EqualTo(new[] { Filters.PortsInUse }));
        Assert.That(Filters.Check(PodInfo.Of(WithHostPort(NewPod("d"), 8080, "UDP", null)), node), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(WithHostPort(NewPod("e"), 9090, "TCP", "10.0.0.2")), node), Is.Empty);
        Assert.That(Filters.Check(PodInfo.Of(WithHostPort(NewPod("f"), 9090, "TCP", null)), node), Is.EqualTo(new[] { Filters.PortsInUse }));
    }

    [Test]
    public void The_failure_message_counts_nodes_per_reason_in_upstream_form()
    {
        var failure = new FitFailure(3, new Dictionary<string, int> { [Filters.AffinityMismatch] = 2, ["Insufficient cpu"] = 1 });

        Assert.That(failure.Message, Is.EqualTo("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector."));
        Assert.That(new FitFailure(0, new Dictionary<string, int>()).Message, Is.EqualTo("no nodes available to schedule pods"));
    }

    internal static Node NewNode(string name, string cpu = "4", string memory = "8Gi", string pods = "110", Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = labels ?? [] },
        Spec = new NodeSpec(),
        Status = new NodeStatus
        {
            Allocatable = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse(cpu), ["memory"] = Quantity.Parse(memory), ["pods"] = Quantity.Parse(pods) },
            Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
        },
    };

    internal static NodeInfo NewNodeInfo(Node node)
    {
        var info = new NodeInfo(node.Metadata!.Name!);
        info.SetNode(node);
        return info;
    }

    internal static Pod NewPod(string name, string? cpu = null, string? memory = null, string? owner = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "ns",
            Uid = "uid-" + name,
            OwnerReferences = owner is null ? null : [new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = owner, Uid = owner, Controller = true }],
        },
        Spec = new PodSpec { Containers = [Container("main", cpu, memory)] },
    };

    private static Container Container(string name, string? cpu, string? memory)
    {
        var requests = new Dictionary<string, Quantity>();
        if (cpu is not null)
            requests["cpu"] = Quantity.Parse(cpu);
        if (memory is not null)
            requests["memory"] = Quantity.Parse(memory);
        return new Container { Name = name, Image = "busybox", Resources = new ResourceRequirements { Requests = requests } };
    }

    private static Pod WithRequiredAffinity(Pod pod, params NodeSelectorTerm[] terms)
    {
        pod.Spec!.Affinity = new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = terms } } };
        return pod;
    }

    private static Pod WithHostPort(Pod pod, int port, string protocol, string? hostIp)
    {
        pod.Spec!.Containers![0].Ports = [new ContainerPort { ContainerPortValue = port, HostPort = port, Protocol = protocol, HostIP = hostIp }];
        return pod;
    }
}
