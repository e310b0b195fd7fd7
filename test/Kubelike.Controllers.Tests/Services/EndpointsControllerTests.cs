using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Discovery.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests.Services;

using CoreEndpoints = Kubelike.Api.Core.V1.Endpoints;
using Node = Kubelike.Api.Core.V1.Node;

/// <summary>The Endpoints, EndpointSlice and load-balancer controllers against a real server.</summary>
public sealed class EndpointsControllerTests : ControllerFixture
{
    [Test]
    public async Task Endpoints_and_slices_list_the_ready_pods_of_a_deployment_and_follow_scaling()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var template = Template("web", "busybox");
        template.Spec!.Containers![0].Ports = [new ContainerPort { Name = "http", ContainerPortValue = 8080 }];
        await Client.Resource<Deployment>().CreateAsync(new Deployment
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = ns },
            Spec = new DeploymentSpec { Replicas = 3, Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } }, Template = template },
        });
        await Client.Resource<Service>().CreateAsync(Service(ns, "web", "http"));

        var endpoints = await UntilEndpointsAsync(ns, "web", e => e.Subsets is [{ Addresses.Count: 3 }]);
        var subset = endpoints.Subsets![0];
        Assert.That(subset.Ports!.Single().Port, Is.EqualTo(8080));
        Assert.That(subset.Ports![0].Name, Is.EqualTo("web"));
        Assert.That(subset.Addresses!.All(a => a.TargetRef?.Kind == "Pod" && System.Net.IPAddress.TryParse(a.Ip, out _)), Is.True);
        Assert.That(endpoints.Metadata!.Annotations, Does.ContainKey("endpoints.kubernetes.io/last-change-trigger-time"));

        var slice = await UntilSlicesAsync(ns, "web", s => s.Sum(x => x.Endpoints?.Count ?? 0) == 3);
        Assert.That(slice.Single().Metadata!.Labels, Does.ContainKey("endpointslice.kubernetes.io/managed-by").WithValue("endpointslice-controller.k8s.io"));
        Assert.That(slice.Single().Metadata!.OwnerReferences!.Single().Kind, Is.EqualTo("Service"));
        Assert.That(slice.Single().Ports!.Single().Port, Is.EqualTo(8080));
        Assert.That(slice.Single().Endpoints!.All(e => e.Conditions?.Ready == true), Is.True);

        await Client.Resource<Deployment>().PatchAsync("web", Patch.Merge(new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["replicas"] = 1 } }), ns);
        await UntilEndpointsAsync(ns, "web", e => e.Subsets is [{ Addresses.Count: 1, NotReadyAddresses: null }]);
        await UntilSlicesAsync(ns, "web", s => s.Sum(x => x.Endpoints?.Count ?? 0) == 1);
    }

    [Test]
    public async Task A_pod_moves_between_ready_and_not_ready_addresses_with_its_Ready_condition()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Service>().CreateAsync(Service(ns, "api", "http"));
        var pod = await CreatePodAsync(ns, "api-0", "api", ready: false, ip: "10.1.0.5");

        var endpoints = await UntilEndpointsAsync(ns, "api", e => e.Subsets is [{ NotReadyAddresses.Count: 1 }]);
        Assert.That(endpoints.Subsets![0].Addresses, Is.Null);
        Assert.That(endpoints.Subsets[0].NotReadyAddresses![0].Ip, Is.EqualTo("10.1.0.5"));
        await UntilSlicesAsync(ns, "api", s => s is [{ Endpoints: [{ Conditions.Ready: false, Conditions.Serving: false }] }]);

        await SetReadyAsync(pod, true);
        endpoints = await UntilEndpointsAsync(ns, "api", e => e.Subsets is [{ Addresses.Count: 1, NotReadyAddresses: null }]);
        Assert.That(endpoints.Subsets![0].Addresses![0].TargetRef!.Name, Is.EqualTo("api-0"));
        await UntilSlicesAsync(ns, "api", s => s is [{ Endpoints: [{ Conditions.Ready: true, Conditions.Serving: true }] }]);

        pod = await Client.Resource<Pod>().GetAsync("api-0", ns);
        await SetReadyAsync(pod, false);
        await UntilEndpointsAsync(ns, "api", e => e.Subsets is [{ Addresses: null, NotReadyAddresses.Count: 1 }]);
    }

    [Test]
    public async Task A_terminating_pod_leaves_Endpoints_and_stays_in_the_slice_as_terminating()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Service>().CreateAsync(Service(ns, "db", "http"));
        var pod = await CreatePodAsync(ns, "db-0", "db", ready: true, ip: "10.1.0.7", finalizer: "example.test/hold");
        await UntilEndpointsAsync(ns, "db", e => e.Subsets is [{ Addresses.Count: 1 }]);

        await Client.Resource<Pod>().DeleteAsync(pod.Metadata!.Name!, ns);
        await UntilEndpointsAsync(ns, "db", e => e.Subsets is null);
        await UntilSlicesAsync(ns, "db", s => s is [{ Endpoints: [{ Conditions.Terminating: true, Conditions.Serving: true, Conditions.Ready: false }] }]);

        var held = await Client.Resource<Pod>().GetAsync("db-0", ns);
        held.Metadata!.Finalizers = null;
        await Client.Resource<Pod>().UpdateAsync(held);
        await UntilSlicesAsync(ns, "db", s => s is [{ Endpoints: null or { Count: 0 } }]);
    }

    [Test]
    public async Task Named_target_ports_resolve_per_pod_and_publishNotReadyAddresses_lists_every_pod_as_ready()
    {
        var ns = await CreateNamespaceAsync();
        var service = Service(ns, "mixed", "http");
        service.Spec!.PublishNotReadyAddresses = true;
        await Client.Resource<Service>().CreateAsync(service);
        await CreatePodAsync(ns, "a", "mixed", ready: false, ip: "10.1.1.1", containerPort: 8080);
        await CreatePodAsync(ns, "b", "mixed", ready: true, ip: "10.1.1.2", containerPort: 9090);
        await CreatePodAsync(ns, "c", "mixed", ready: true, ip: "10.1.1.3", containerPort: null);

        var endpoints = await UntilEndpointsAsync(ns, "mixed", e => e.Subsets?.Count == 2);
        Assert.That(endpoints.Subsets!.Select(s => (s.Ports![0].Port, s.Addresses!.Single().Ip)),
            Is.EquivalentTo(new (int?, string?)[] { (8080, "10.1.1.1"), (9090, "10.1.1.2") }));
        var slices = await UntilSlicesAsync(ns, "mixed", s => s.Count == 2);
        Assert.That(slices.SelectMany(s => s.Endpoints ?? []).All(e => e.Conditions?.Ready == true), Is.True);
    }

    [Test]
    public async Task A_headless_service_lists_hostnames_and_a_service_without_selector_is_left_alone()
    {
        var ns = await CreateNamespaceAsync();
        var headless = Service(ns, "cluster", "http");
        headless.Spec!.ClusterIP = "None";
        await Client.Resource<Service>().CreateAsync(headless);
        await CreatePodAsync(ns, "cluster-0", "cluster", ready: true, ip: "10.1.2.1", hostname: "cluster-0", subdomain: "cluster");
        var endpoints = await UntilEndpointsAsync(ns, "cluster", e => e.Subsets is [{ Addresses.Count: 1 }]);
        Assert.That(endpoints.Subsets![0].Addresses![0].Hostname, Is.EqualTo("cluster-0"));
        Assert.That(endpoints.Metadata!.Labels, Does.ContainKey("service.kubernetes.io/headless"));

        var manual = new Service { Metadata = new ObjectMeta { Name = "manual", Namespace = ns }, Spec = new ServiceSpec { Ports = [new ServicePort { Port = 5432 }] } };
        await Client.Resource<Service>().CreateAsync(manual);
        await Client.Resource<CoreEndpoints>().CreateAsync(new CoreEndpoints
        {
            Metadata = new ObjectMeta { Name = "manual", Namespace = ns },
            Subsets = [new EndpointSubset { Addresses = [new EndpointAddress { Ip = "192.0.2.10" }], Ports = [new Api.Core.V1.EndpointPort { Port = 5432 }] }],
        });
        // The controllers answer the headless service's change by now; the manual endpoints must still be as written.
        await Client.Resource<Service>().PatchAsync("cluster", Patch.Merge(new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["labels"] = new System.Text.Json.Nodes.JsonObject { ["tier"] = "db" } } }), ns);
        await UntilEndpointsAsync(ns, "cluster", e => e.Metadata?.Labels?.ContainsKey("tier") == true);
        var untouched = await Client.Resource<CoreEndpoints>().GetAsync("manual", ns);
        Assert.That(untouched.Subsets![0].Addresses![0].Ip, Is.EqualTo("192.0.2.10"));
        var slices = await Client.Resource<EndpointSlice>().ListAsync(ns, new ListParameters { LabelSelector = "kubernetes.io/service-name=manual" });
        Assert.That(slices.Items, Is.Empty);
    }

    [Test]
    public async Task More_than_a_hundred_endpoints_are_split_into_slices_of_at_most_a_hundred()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Service>().CreateAsync(Service(ns, "big", "http"));
        await Task.WhenAll(Enumerable.Range(0, 130).Select(i => CreatePodAsync(ns, $"big-{i}", "big", ready: true, ip: $"10.2.{i / 200}.{(i % 200) + 1}")));
        var slices = await UntilSlicesAsync(ns, "big", s => s.Sum(x => x.Endpoints?.Count ?? 0) == 130);
        Assert.That(slices.Count, Is.EqualTo(2));
        Assert.That(slices.All(s => s.Endpoints!.Count <= 100), Is.True);
        var endpoints = await UntilEndpointsAsync(ns, "big", e => e.Subsets is [{ Addresses.Count: 130 }]);
        Assert.That(endpoints.Metadata!.Annotations, Does.Not.ContainKey("endpoints.kubernetes.io/over-capacity"));
    }

    [Test]
    public async Task Deleting_the_service_deletes_its_endpoints_and_slices()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Service>().CreateAsync(Service(ns, "gone", "http"));
        await CreatePodAsync(ns, "gone-0", "gone", ready: true, ip: "10.1.3.1");
        await UntilEndpointsAsync(ns, "gone", e => e.Subsets is [{ Addresses.Count: 1 }]);
        await UntilSlicesAsync(ns, "gone", s => s.Count == 1);
        await Client.Resource<Service>().DeleteAsync("gone", ns);
        await UntilAsync(async () => (await Client.Resource<CoreEndpoints>().ListAsync(ns)).Items.All(e => e.Metadata?.Name != "gone"), "endpoints deleted");
        await UntilAsync(async () => (await SlicesAsync(ns, "gone")).Count == 0, "slices deleted");
    }

    [Test]
    public async Task A_LoadBalancer_service_gets_the_node_addresses_as_its_ingress()
    {
        var node = await Client.Resource<Node>().CreateAsync(new Node { Metadata = new ObjectMeta { Name = "lb-node-" + Guid.NewGuid().ToString("N")[..6] } });
        node.Status = new NodeStatus
        {
            Addresses = [new NodeAddress { Type = "InternalIP", Address = "192.0.2.77" }, new NodeAddress { Type = "Hostname", Address = node.Metadata!.Name }],
            Conditions = [new NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", LastTransitionTime = DateTimeOffset.UtcNow }],
        };
        await Client.Resource<Node>().UpdateStatusAsync(node);
        var ns = await CreateNamespaceAsync();
        var lb = Service(ns, "front", "http");
        lb.Spec!.Type = "LoadBalancer";
        await Client.Resource<Service>().CreateAsync(lb);
        await UntilAsync(async () => (await Client.Resource<Service>().GetAsync("front", ns)).Status?.LoadBalancer?.Ingress?.Any(i => i.Ip == "192.0.2.77") == true,
            "front gets the node's address as ingress");

        var (exit, output) = await KubectlAsync("get", "svc", "front", "-n", ns);
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("192.0.2.77"));
        await Client.Resource<Service>().PatchAsync("front", Patch.Merge(new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "ClusterIP" } }), ns);
        await UntilAsync(async () => (await Client.Resource<Service>().GetAsync("front", ns)).Status?.LoadBalancer?.Ingress is null, "ingress cleared");
        await Client.Resource<Node>().DeleteAsync(node.Metadata.Name!);
    }

    private static Service Service(string ns, string app, string targetPort) => new()
    {
        Metadata = new ObjectMeta { Name = app, Namespace = ns },
        Spec = new ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = app },
            Ports = [new ServicePort { Name = "web", Port = 80, TargetPort = targetPort }],
        },
    };

    private async Task<Pod> CreatePodAsync(string ns, string name, string app, bool ready, string ip, string? finalizer = null, int? containerPort = 8080,
        string? hostname = null, string? subdomain = null)
    {
        var pod = await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = app }, Finalizers = finalizer is null ? null : [finalizer] },
            Spec = new PodSpec
            {
                // The test plays the node itself: no scheduler or node agent may write these pods meanwhile.
                SchedulerName = "test-plays-the-node",
                Hostname = hostname,
                Subdomain = subdomain,
                Containers = [new Container { Name = "main", Image = "busybox", Ports = containerPort is { } p ? [new ContainerPort { Name = "http", ContainerPortValue = p }] : null }],
            },
        });
        pod.Status = new PodStatus { Phase = "Running", PodIP = ip, PodIPs = [new PodIP { Ip = ip }] };
        pod = await Client.Resource<Pod>().UpdateStatusAsync(pod);
        return await SetReadyAsync(pod, ready);
    }

    private async Task<Pod> SetReadyAsync(Pod pod, bool ready)
    {
        pod.Status!.Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False", LastTransitionTime = DateTimeOffset.UtcNow }];
        return await Client.Resource<Pod>().UpdateStatusAsync(pod);
    }

    private async Task<CoreEndpoints> UntilEndpointsAsync(string ns, string name, Func<CoreEndpoints, bool> condition)
    {
        CoreEndpoints? last = null;
        await UntilAsync(async () =>
        {
            try
            {
                last = await Client.Resource<CoreEndpoints>().GetAsync(name, ns);
                return condition(last);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return false;
            }
        }, $"endpoints {ns}/{name} as expected (last: {(last is null ? "none" : Api.KubernetesJson.Serialize(last.Subsets))})");
        return last!;
    }

    private async Task<List<EndpointSlice>> UntilSlicesAsync(string ns, string service, Func<List<EndpointSlice>, bool> condition)
    {
        List<EndpointSlice> last = [];
        await UntilAsync(async () => condition(last = await SlicesAsync(ns, service)), $"endpoint slices of {ns}/{service} as expected");
        return last;
    }

    private async Task<List<EndpointSlice>> SlicesAsync(string ns, string service) =>
        [.. (await Client.Resource<EndpointSlice>().ListAsync(ns, new ListParameters { LabelSelector = "kubernetes.io/service-name=" + service })).Items];
}
