using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;
using HollowNodeOptions = Kubelike.Node.Hollow.HollowNodeOptions;

namespace Kubelike.Controllers.Tests;

/// <summary>The scheduler inside a real <c>kubelike server</c>, binding pods to hollow nodes, as a user sees it through the API.</summary>
[TestFixture]
public sealed class SchedulerTests : ControllerFixture
{
    [Test]
    public async Task Pods_are_bound_spread_over_the_nodes_and_get_a_Scheduled_event()
    {
        var ns = await CreateNamespaceAsync();
        await using var a = await HollowNode.StartAsync(Client, Options(ns, "a"));
        await using var b = await HollowNode.StartAsync(Client, Options(ns, "b"));

        await Client.Resource<ReplicaSet>().CreateAsync(new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = ns },
            Spec = new ReplicaSetSpec { Replicas = 4, Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } }, Template = Template("web", "busybox") },
        });

        await UntilAsync(async () => (await PodsAsync(ns)) is { Count: 4 } pods && pods.All(p => p.Status?.Phase == "Running"), "four running pods");
        var placed = await PodsAsync(ns);
        Assert.That(placed.GroupBy(p => p.Spec!.NodeName).ToDictionary(g => g.Key!, g => g.Count()),
            Is.EquivalentTo(new Dictionary<string, int> { [a.NodeName] = 2, [b.NodeName] = 2 }), "the replicas are spread two and two");
        var pod = placed[0];
        Assert.That(pod.Status!.Conditions!.Single(c => c.Type == "PodScheduled").Status, Is.EqualTo("True"));
        var events = await UntilAsync(ns, pod.Metadata!.Name!, "Scheduled");
        Assert.That(events.Message, Is.EqualTo($"Successfully assigned {ns}/{pod.Metadata.Name} to {pod.Spec!.NodeName}"));
        Assert.That(events.Source?.Component, Is.EqualTo("default-scheduler"));
    }

    [Test]
    public async Task A_pod_no_node_fits_is_Unschedulable_with_upstreams_message_and_is_bound_once_a_node_fits()
    {
        var ns = await CreateNamespaceAsync();
        await using var small = await HollowNode.StartAsync(Client, Options(ns, "small", cpu: "1", labels: new() { ["disk"] = "ssd" }));
        await using var other1 = await HollowNode.StartAsync(Client, Options(ns, "b"));
        await using var other2 = await HollowNode.StartAsync(Client, Options(ns, "c"));
        var pod = NewPod(ns, "big", cpu: "2");
        pod.Spec!.NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" };

        await Client.Resource<Pod>().CreateAsync(pod);

        var condition = await Poll.UntilAsync(
            async () => (await Client.Resource<Pod>().GetAsync("big", ns)).Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False"),
            "an Unschedulable condition", Timeout);
        Assert.That(condition.Reason, Is.EqualTo("Unschedulable"));
        Assert.That(condition.Message, Is.EqualTo("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector."));
        var failed = await UntilAsync(ns, "big", "FailedScheduling");
        Assert.That((failed.Type, failed.Message), Is.EqualTo(("Warning", condition.Message)));

        await using var large = await HollowNode.StartAsync(Client, Options(ns, "large", cpu: "8", labels: new() { ["disk"] = "ssd" }));

        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("big", ns)).Spec?.NodeName == large.NodeName, "the pod bound to the new node");
    }

    [Test]
    public async Task Taints_cordoned_nodes_and_host_ports_keep_pods_off()
    {
        var ns = await CreateNamespaceAsync();
        await using var tainted = await HollowNode.StartAsync(Client, Options(ns, "tainted") with { Taints = [new Taint { Key = "dedicated", Value = "infra", Effect = "NoSchedule" }] });
        await using var cordoned = await HollowNode.StartAsync(Client, Options(ns, "cordoned"));
        await Client.Resource<Api.Core.V1.Node>().PatchAsync(cordoned.NodeName, Patch.Merge(System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"unschedulable":true}}""")!));
        await using var open = await HollowNode.StartAsync(Client, Options(ns, "open"));
        var first = NewPod(ns, "first");
        first.Spec!.Containers![0].Ports = [new ContainerPort { ContainerPortValue = 80, HostPort = 8080 }];
        var second = NewPod(ns, "second");
        second.Spec!.Containers![0].Ports = [new ContainerPort { ContainerPortValue = 80, HostPort = 8080 }];
        var tolerating = NewPod(ns, "tolerating");
        tolerating.Spec!.Tolerations = [new Toleration { Key = "dedicated", Operator = "Equal", Value = "infra", Effect = "NoSchedule" }];
        tolerating.Spec.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = tainted.NodeName };

        await Client.Resource<Pod>().CreateAsync(first);
        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("first", ns)).Spec?.NodeName == open.NodeName, "the first pod on the open node");
        await Client.Resource<Pod>().CreateAsync(second);
        await Client.Resource<Pod>().CreateAsync(tolerating);

        var condition = await Poll.UntilAsync(
            async () => (await Client.Resource<Pod>().GetAsync("second", ns)).Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False"),
            "the second pod Unschedulable", Timeout);
        Assert.That(condition.Message, Is.EqualTo("0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, "
            + "1 node(s) had untolerated taint {dedicated: infra}, 1 node(s) were unschedulable."));
        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("tolerating", ns)).Spec?.NodeName == tainted.NodeName, "the tolerating pod on the tainted node");
    }

    [Test]
    public async Task A_burst_never_overcommits_a_node()
    {
        var ns = await CreateNamespaceAsync();
        await using var a = await HollowNode.StartAsync(Client, Options(ns, "a", pods: "5"));
        await using var b = await HollowNode.StartAsync(Client, Options(ns, "b", pods: "5"));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Client.Resource<Pod>().CreateAsync(NewPod(ns, $"p{i}"))));

        // Both conditions at once: with only the first node in the scheduler's cache at first, two pods can be
        // Unschedulable for a moment while the second node's slots are still being filled.
        await UntilAsync(async () =>
        {
            var all = await PodsAsync(ns);
            return all.Count(p => p.Status?.Conditions?.Any(c => c is { Type: "PodScheduled", Status: "False" }) == true) == 2
                && all.Count(p => p.Spec?.NodeName is not null) >= 10;
        }, "ten pods bound and two left Unschedulable");
        var pods = await PodsAsync(ns);
        Assert.That(pods.Where(p => p.Spec?.NodeName is not null).GroupBy(p => p.Spec!.NodeName).Select(g => g.Count()), Is.EqualTo(new[] { 5, 5 }));
        Assert.That(pods.Where(p => p.Spec?.NodeName is null).Select(p => p.Status!.Conditions!.Single(c => c.Type == "PodScheduled").Message).Distinct(),
            Is.EqualTo(new[] { "0/2 nodes are available: 2 Too many pods." }));

        // A freed slot goes to one of the waiting pods.
        await Client.Resource<Pod>().DeleteAsync(pods.First(p => p.Spec?.NodeName is not null).Metadata!.Name!, ns);
        await UntilAsync(async () => (await PodsAsync(ns)).Count(p => p.Spec?.NodeName is not null) == 10, "a waiting pod bound in the freed slot");
    }

    [Test]
    public async Task Required_node_affinity_by_field_picks_the_node_and_other_schedulers_pods_are_left_alone()
    {
        var ns = await CreateNamespaceAsync();
        await using var a = await HollowNode.StartAsync(Client, Options(ns, "a"));
        await using var b = await HollowNode.StartAsync(Client, Options(ns, "b"));
        var pinned = NewPod(ns, "pinned");
        pinned.Spec!.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = [new NodeSelectorTerm { MatchFields = [new NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = [b.NodeName] }] }],
                },
            },
        };
        var foreign = NewPod(ns, "foreign");
        foreign.Spec!.SchedulerName = "other-scheduler";

        await Client.Resource<Pod>().CreateAsync(foreign);
        await Client.Resource<Pod>().CreateAsync(pinned);

        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("pinned", ns)).Status?.Phase == "Running", "the pinned pod running");
        Assert.That((await Client.Resource<Pod>().GetAsync("pinned", ns)).Spec!.NodeName, Is.EqualTo(b.NodeName));
        var untouched = await Client.Resource<Pod>().GetAsync("foreign", ns);
        Assert.That((untouched.Spec!.NodeName, untouched.Status?.Conditions), Is.EqualTo(((string?)null, (IList<PodCondition>?)null)));
    }

    private static HollowNodeOptions Options(string ns, string name, string cpu = "4", string pods = "110", Dictionary<string, string>? labels = null) => new()
    {
        NodeName = $"{ns}-{name}",
        Capacity = new Dictionary<string, Quantity>(HollowNodeOptions.DefaultCapacity) { ["cpu"] = Quantity.Parse(cpu), ["pods"] = Quantity.Parse(pods) },
        Labels = labels ?? [],
    };

    private static Pod NewPod(string ns, string name, string? cpu = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "main",
                    Image = "busybox",
                    Resources = cpu is null ? null : new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse(cpu) } },
                },
            ],
        },
    };

    private async Task<Event> UntilAsync(string ns, string pod, string reason) =>
        await Poll.UntilAsync(
            async () => (await Client.Resource<Event>().ListAsync(ns, new ListParameters { FieldSelector = $"involvedObject.name={pod}" })).Items.FirstOrDefault(e => e.Reason == reason),
            $"a {reason} event for {pod}", Timeout);
}
