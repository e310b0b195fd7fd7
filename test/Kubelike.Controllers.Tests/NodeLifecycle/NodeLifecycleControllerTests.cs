using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests.NodeLifecycle;

using Node = Kubelike.Api.Core.V1.Node;

/// <summary>
/// Node loss against a server started with short limits (a node is unreachable after 8 s without a Lease renewal, pods
/// tolerate that for 3 s), on hollow nodes renewing every second: a stopped hollow node goes Ready=Unknown and is
/// tainted, its pods are marked not ready and evicted, their ReplicaSet recreates them on the node that is left, and
/// the taints go when the node comes back. Each test selects only its own nodes by a label.
/// </summary>
public sealed class NodeLifecycleControllerTests : ControllerFixture
{
    private const string TestLabel = "tests.kubelike.dev/namespace";
    private const string Unreachable = "node.kubernetes.io/unreachable";
    private const string NotReady = "node.kubernetes.io/not-ready";

    protected override IReadOnlyList<string> ServerArguments =>
        ["--node-monitor-grace-period=8s", "--default-unreachable-toleration-seconds=3", "--default-not-ready-toleration-seconds=3"];

    private static Kubelike.Node.Hollow.HollowNodeOptions NodeOptions(string ns, string suffix, bool deleteOnStop) => new()
    {
        NodeName = $"hollow-{ns}-{suffix}",
        Labels = new Dictionary<string, string> { [TestLabel] = ns },
        LeaseRenewInterval = TimeSpan.FromSeconds(1),
        DeleteNodeOnStop = deleteOnStop,
    };

    private static ReplicaSet NewReplicaSet(string ns, string name, int replicas)
    {
        var template = Template(name, "busybox");
        template.Spec!.NodeSelector = new Dictionary<string, string> { [TestLabel] = ns };
        return new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new ReplicaSetSpec
            {
                Replicas = replicas,
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = template,
            },
        };
    }

    private static bool IsReady(Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private static bool IsWeb(Pod pod) => pod.Metadata?.Labels is { } labels && labels.TryGetValue("app", out var app) && app == "web";

    private static NodeCondition? Ready(Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    [Test]
    public async Task Pods_get_the_default_not_ready_and_unreachable_tolerations_unless_they_have_their_own()
    {
        var ns = await CreateNamespaceAsync();
        var plain = await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "plain", Namespace = ns },
            Spec = new PodSpec { SchedulerName = "nobody", Containers = [new Container { Name = "main", Image = "busybox" }] },
        });
        var own = await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "own", Namespace = ns },
            Spec = new PodSpec
            {
                SchedulerName = "nobody",
                Containers = [new Container { Name = "main", Image = "busybox" }],
                Tolerations = [new Toleration { Key = Unreachable, Operator = "Exists", Effect = "NoExecute" }],
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That(plain.Spec!.Tolerations!.Select(t => (t.Key, t.Operator, t.Effect, t.TolerationSeconds)), Is.EqualTo(new (string?, string?, string?, long?)[]
            {
                (NotReady, "Exists", "NoExecute", 3),
                (Unreachable, "Exists", "NoExecute", 3),
            }));
            Assert.That(own.Spec!.Tolerations!.Select(t => (t.Key, t.TolerationSeconds)), Is.EqualTo(new (string?, long?)[] { (Unreachable, null), (NotReady, 3) }),
                "the pod's own unreachable toleration is kept, without a limit; only not-ready is added");
        });
    }

    [Test]
    public async Task A_node_that_stops_renewing_its_lease_is_tainted_and_its_pods_are_recreated_on_the_other_node()
    {
        var ns = await CreateNamespaceAsync();
        await using var survivor = await HollowNode.StartAsync(Client, NodeOptions(ns, "a", deleteOnStop: true));
        // Stopped without deleting its Node, as a machine that loses power.
        var lost = await Kubelike.Node.Hollow.HollowNode.StartAsync(Client, NodeOptions(ns, "b", deleteOnStop: false));
        var lostName = lost.NodeName;
        try
        {
            await Client.Resource<ReplicaSet>().CreateAsync(NewReplicaSet(ns, "web", 4));
            await UntilAsync(async () => (await PodsAsync(ns)) is { Count: 4 } pods && pods.All(IsReady)
                && pods.Select(p => p.Spec!.NodeName).Distinct().Count() == 2, "four ready pods spread over both nodes");
            // A pod that tolerates the node's loss for good stays bound to it.
            await Client.Resource<Pod>().CreateAsync(new Pod
            {
                Metadata = new ObjectMeta { Name = "patient", Namespace = ns },
                Spec = new PodSpec
                {
                    NodeName = lostName,
                    Containers = [new Container { Name = "main", Image = "busybox" }],
                    Tolerations = [new Toleration { Key = Unreachable, Operator = "Exists", Effect = "NoExecute" }],
                },
            });
            await UntilAsync(async () => IsReady(await Client.Resource<Pod>().GetAsync("patient", ns)), "the patient pod ready");
            var onLost = (await PodsAsync(ns)).Where(p => p.Spec!.NodeName == lostName && p.Metadata!.Name != "patient").Select(p => p.Metadata!.Name!).ToList();

            await lost.DisposeAsync();

            await UntilAsync(async () => Ready(await Client.Resource<Node>().GetAsync(lostName))?.Status == "Unknown", "the lost node Ready=Unknown");
            var node = await Client.Resource<Node>().GetAsync(lostName);
            Assert.Multiple(() =>
            {
                Assert.That(Ready(node)!.Reason, Is.EqualTo("NodeStatusUnknown"));
                Assert.That(Ready(node)!.Message, Is.EqualTo("Kubelet stopped posting node status."));
            });
            await UntilAsync(async () => (await Client.Resource<Node>().GetAsync(lostName)).Spec?.Taints?.Any(t => t.Key == Unreachable && t.Effect == "NoExecute" && t.TimeAdded is not null) == true,
                "the unreachable NoExecute taint");

            // Evicted: marked for deletion (nobody on the lost node finishes the deletion), replaced on the survivor.
            await UntilAsync(async () => (await PodsAsync(ns)).Where(IsWeb).ToList() is { Count: 4 } web
                && web.All(p => p.Spec!.NodeName == survivor.NodeName && IsReady(p)),
                "four ready web pods, all on the surviving node");
            foreach (var name in onLost)
            {
                var evicted = await Client.Resource<Pod>().GetAsync(name, ns);
                Assert.Multiple(() =>
                {
                    Assert.That(evicted.Metadata!.DeletionTimestamp, Is.Not.Null, $"{name} is being deleted");
                    Assert.That(evicted.Status!.Conditions!.Single(c => c.Type == "Ready").Status, Is.EqualTo("False"), $"{name} is not ready");
                    Assert.That(evicted.Status.Conditions!.Single(c => c.Type == "DisruptionTarget").Reason, Is.EqualTo("DeletionByTaintManager"));
                });
            }
            var patient = await Client.Resource<Pod>().GetAsync("patient", ns);
            Assert.That(patient.Metadata!.DeletionTimestamp, Is.Null, "a pod tolerating unreachable without a limit is not evicted");
            await UntilAsync(async () => (await Client.Resource<Event>().ListAsync(ns)).Items.Where(e => e.Reason == "TaintManagerEviction")
                .Select(e => e.InvolvedObject!.Name).Order().SequenceEqual(onLost.Order()), "a TaintManagerEviction event for each evicted pod");

            // Back again: the node is Ready and the taints go.
            await using var back = await HollowNode.StartAsync(Client, NodeOptions(ns, "b", deleteOnStop: true));
            await UntilAsync(async () => await Client.Resource<Node>().GetAsync(lostName) is var n && Ready(n)?.Status == "True"
                && n.Spec?.Taints?.Any(t => t.Key is Unreachable or NotReady) != true, "the returned node ready and untainted");
        }
        finally
        {
            try
            {
                await Client.Resource<Node>().DeleteAsync(lostName);
            }
            catch (Client.Rest.KubernetesApiException e) when (e.IsNotFound)
            {
                // The returned node deleted it on its way out.
            }
        }
    }
}
