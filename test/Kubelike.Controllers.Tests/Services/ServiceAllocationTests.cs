using System.Net;
using System.Text.Json.Nodes;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Discovery.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests.Services;

/// <summary>
/// Cluster IP and node port allocation by the API server on Service create, update and delete, the kubernetes
/// service, and what kubectl shows of services. One server for the fixture.
/// </summary>
public sealed class ServiceAllocationTests : ControllerFixture
{
    private static readonly IPNetwork DefaultRange = IPNetwork.Parse("10.96.0.0/12");

    private ResourceClient<Service> Services => Client.Resource<Service>();

    [Test]
    public async Task Fifty_services_created_at_once_get_fifty_distinct_addresses_of_the_range()
    {
        var ns = await CreateNamespaceAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Services.CreateAsync(NewService(ns, $"s{i}"))));
        var ips = created.Select(s => s.Spec!.ClusterIP!).ToList();
        Assert.That(ips.Distinct().Count(), Is.EqualTo(50), string.Join(", ", ips));
        Assert.Multiple(() =>
        {
            foreach (var service in created)
            {
                Assert.That(DefaultRange.Contains(IPAddress.Parse(service.Spec!.ClusterIP!)), service.Spec.ClusterIP);
                Assert.That(service.Spec.ClusterIPs, Is.EqualTo(new[] { service.Spec.ClusterIP }));
                Assert.That(service.Spec.IpFamilies, Is.EqualTo(new[] { "IPv4" }));
                Assert.That(service.Spec.IpFamilyPolicy, Is.EqualTo("SingleStack"));
                // Dynamic allocation leaves the static band (10.96.0.1-10.96.0.255 here) to requested addresses.
                Assert.That(service.Spec.ClusterIP, Does.Not.StartWith("10.96.0."));
            }
        });
    }

    [Test]
    public async Task A_requested_address_is_honoured_refused_while_taken_and_free_again_after_delete()
    {
        var ns = await CreateNamespaceAsync();
        var first = await Services.CreateAsync(NewService(ns, "dns", clusterIP: "10.96.0.10"));
        Assert.That(first.Spec!.ClusterIP, Is.EqualTo("10.96.0.10"));
        Assert.That(first.Spec.ClusterIPs, Is.EqualTo(new[] { "10.96.0.10" }));

        var conflict = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(NewService(ns, "dns2", clusterIP: "10.96.0.10")))!;
        Assert.That(conflict.Code, Is.EqualTo(422));
        Assert.That(conflict.Status.Message, Is.EqualTo(
            "Service \"dns2\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated"));

        var outside = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(NewService(ns, "far", clusterIP: "10.0.0.1")))!;
        Assert.That(outside.Code, Is.EqualTo(422));
        Assert.That(outside.Status.Message, Does.EndWith(
            "failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12"));

        // The address of the kubernetes service is taken too.
        var reserved = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(NewService(ns, "one", clusterIP: "10.96.0.1")))!;
        Assert.That(reserved.Code, Is.EqualTo(422));

        await Services.DeleteAsync("dns", ns);
        var again = await Services.CreateAsync(NewService(ns, "dns2", clusterIP: "10.96.0.10"));
        Assert.That(again.Spec!.ClusterIP, Is.EqualTo("10.96.0.10"));

        // A dry run checks but allocates nothing.
        var dry = await Services.CreateAsync(NewService(ns, "dry", clusterIP: "10.96.0.11"), new WriteParameters { DryRun = true });
        Assert.That(dry.Spec!.ClusterIP, Is.EqualTo("10.96.0.11"));
        var real = await Services.CreateAsync(NewService(ns, "real", clusterIP: "10.96.0.11"));
        Assert.That(real.Spec!.ClusterIP, Is.EqualTo("10.96.0.11"));
    }

    [Test]
    public async Task A_failed_create_gives_its_address_back()
    {
        var ns = await CreateNamespaceAsync();
        // Invalid (a port out of range) after the address was allocated: the address must not leak.
        var invalid = NewService(ns, "bad", clusterIP: "10.96.0.20");
        invalid.Spec!.Ports![0].Port = 70000;
        var error = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(invalid))!;
        Assert.That(error.Code, Is.EqualTo(422));
        var good = await Services.CreateAsync(NewService(ns, "good", clusterIP: "10.96.0.20"));
        Assert.That(good.Spec!.ClusterIP, Is.EqualTo("10.96.0.20"));

        // The same for a create that loses to an existing name.
        var duplicate = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(NewService(ns, "good", clusterIP: "10.96.0.21")))!;
        Assert.That(duplicate.IsAlreadyExists, Is.True);
        var other = await Services.CreateAsync(NewService(ns, "other", clusterIP: "10.96.0.21"));
        Assert.That(other.Spec!.ClusterIP, Is.EqualTo("10.96.0.21"));
    }

    [Test]
    public async Task Headless_and_ExternalName_services_get_no_address()
    {
        var ns = await CreateNamespaceAsync();
        var headless = await Services.CreateAsync(NewService(ns, "db", clusterIP: "None"));
        Assert.That(headless.Spec!.ClusterIP, Is.EqualTo("None"));
        Assert.That(headless.Spec.ClusterIPs, Is.EqualTo(new[] { "None" }));

        var external = await Services.CreateAsync(new Service
        {
            Metadata = new ObjectMeta { Name = "ext", Namespace = ns },
            Spec = new ServiceSpec { Type = "ExternalName", ExternalName = "db.example.test" },
        });
        Assert.That(external.Spec!.ClusterIP, Is.Null);
        Assert.That(external.Spec.ClusterIPs, Is.Null);

        // ExternalName → ClusterIP allocates one; back to ExternalName drops it and frees it.
        external.Spec.Type = "ClusterIP";
        external.Spec.ExternalName = null;
        external.Spec.Ports = [new ServicePort { Port = 80 }];
        var withIP = await Services.UpdateAsync(external);
        Assert.That(DefaultRange.Contains(IPAddress.Parse(withIP.Spec!.ClusterIP!)), withIP.Spec.ClusterIP);
        var ip = withIP.Spec.ClusterIP!;
        withIP.Spec.Type = "ExternalName";
        withIP.Spec.ExternalName = "db.example.test";
        var back = await Services.UpdateAsync(withIP);
        Assert.That(back.Spec!.ClusterIP, Is.Null);
        var reuse = await Services.CreateAsync(NewService(ns, "reuse", clusterIP: ip));
        Assert.That(reuse.Spec!.ClusterIP, Is.EqualTo(ip));
    }

    [Test]
    public async Task Node_ports_are_allocated_in_range_requested_ones_honoured_and_conflicts_refused()
    {
        var ns = await CreateNamespaceAsync();
        var service = NewService(ns, "np", type: "NodePort");
        service.Spec!.Ports = [new ServicePort { Name = "http", Port = 80 }, new ServicePort { Name = "https", Port = 443, NodePort = 30443 }];
        var created = await Services.CreateAsync(service);
        var http = created.Spec!.Ports![0].NodePort;
        Assert.That(http, Is.InRange(30000, 32767));
        Assert.That(created.Spec.Ports[1].NodePort, Is.EqualTo(30443));

        var taken = NewService(ns, "np2", type: "NodePort");
        taken.Spec!.Ports![0].NodePort = 30443;
        var conflict = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(taken))!;
        Assert.That(conflict.Code, Is.EqualTo(422));
        Assert.That(conflict.Status.Message, Is.EqualTo("Service \"np2\" is invalid: spec.ports[0].nodePort: Invalid value: 30443: provided port is already allocated"));

        var outside = NewService(ns, "np3", type: "NodePort");
        outside.Spec!.Ports![0].NodePort = 8080;
        var range = Assert.ThrowsAsync<KubernetesApiException>(() => Services.CreateAsync(outside))!;
        Assert.That(range.Status.Message, Is.EqualTo(
            "Service \"np3\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"));

        // Resubmitting the manifest without node ports keeps the allocated ones (as kubectl replace does).
        var replaced = await Services.GetAsync("np", ns);
        replaced.Spec!.Ports![0].NodePort = null;
        replaced.Spec.ClusterIP = null;
        replaced.Spec.ClusterIPs = null;
        var kept = await Services.UpdateAsync(replaced);
        Assert.That(kept.Spec!.Ports![0].NodePort, Is.EqualTo(http));
        Assert.That(kept.Spec.ClusterIP, Is.EqualTo(created.Spec.ClusterIP));

        await Services.DeleteAsync("np", ns);
        var freed = NewService(ns, "np4", type: "NodePort");
        freed.Spec!.Ports![0].NodePort = 30443;
        Assert.That((await Services.CreateAsync(freed)).Spec!.Ports![0].NodePort, Is.EqualTo(30443));
    }

    [Test]
    public async Task Changing_the_type_ClusterIP_to_NodePort_and_back_allocates_and_frees_the_node_port()
    {
        var ns = await CreateNamespaceAsync();
        var service = await Services.CreateAsync(NewService(ns, "flip"));
        Assert.That(service.Spec!.Ports![0].NodePort, Is.Null);
        var ip = service.Spec.ClusterIP;

        var toNodePort = await Services.PatchAsync("flip", Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["type"] = "NodePort" } }), ns);
        var nodePort = toNodePort.Spec!.Ports![0].NodePort;
        Assert.That(nodePort, Is.InRange(30000, 32767));
        Assert.That(toNodePort.Spec.ClusterIP, Is.EqualTo(ip));

        var back = await Services.PatchAsync("flip", Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["type"] = "ClusterIP" } }), ns);
        Assert.That(back.Spec!.Ports![0].NodePort, Is.Null);
        Assert.That(back.Spec.ClusterIP, Is.EqualTo(ip));

        var reuse = NewService(ns, "reuse", type: "NodePort");
        reuse.Spec!.Ports![0].NodePort = nodePort;
        Assert.That((await Services.CreateAsync(reuse)).Spec!.Ports![0].NodePort, Is.EqualTo(nodePort));
    }

    [Test]
    public async Task A_LoadBalancer_service_gets_node_ports_and_with_Local_traffic_a_health_check_node_port()
    {
        var ns = await CreateNamespaceAsync();
        var lb = NewService(ns, "lb", type: "LoadBalancer");
        lb.Spec!.ExternalTrafficPolicy = "Local";
        var created = await Services.CreateAsync(lb);
        Assert.That(created.Spec!.Ports![0].NodePort, Is.InRange(30000, 32767));
        Assert.That(created.Spec.HealthCheckNodePort, Is.InRange(30000, 32767));
        Assert.That(created.Spec.HealthCheckNodePort, Is.Not.EqualTo(created.Spec.Ports[0].NodePort));

        var noPorts = NewService(ns, "lb2", type: "LoadBalancer");
        noPorts.Spec!.AllocateLoadBalancerNodePorts = false;
        Assert.That((await Services.CreateAsync(noPorts)).Spec!.Ports![0].NodePort, Is.Null);
    }

    [Test]
    public async Task The_kubernetes_service_has_the_first_address_and_endpoints_at_this_server()
    {
        var kubernetes = await Services.GetAsync("kubernetes", "default");
        Assert.That(kubernetes.Spec!.ClusterIP, Is.EqualTo("10.96.0.1"));
        Assert.That(kubernetes.Spec.Ports![0].Port, Is.EqualTo(443));
        Assert.That(kubernetes.Spec.Ports[0].TargetPort?.IntValue, Is.EqualTo(Server.Port));
        Assert.That(kubernetes.Metadata!.Labels, Does.ContainKey("component").WithValue("apiserver"));

        var endpoints = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await Client.Resource<Kubelike.Api.Core.V1.Endpoints>().GetAsync("kubernetes", "default");
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }, "the kubernetes endpoints", Timeout);
        var subset = endpoints.Subsets!.Single();
        Assert.That(subset.Addresses!.Select(a => a.Ip), Is.EqualTo(new[] { "127.0.0.1" }));
        Assert.That(subset.Ports!.Single().Port, Is.EqualTo(Server.Port));
        var slice = await Client.Resource<EndpointSlice>().GetAsync("kubernetes", "default");
        Assert.That(slice.Metadata!.Labels, Does.ContainKey("kubernetes.io/service-name").WithValue("kubernetes"));
        Assert.That(slice.Endpoints!.Single().Addresses, Is.EqualTo(new[] { "127.0.0.1" }));
    }

    [Test]
    public async Task Kubectl_get_svc_shows_the_columns_kube_apiserver_shows()
    {
        var ns = await CreateNamespaceAsync();
        var np = NewService(ns, "web", type: "NodePort");
        np.Spec!.Ports![0].NodePort = 30080;
        await Services.CreateAsync(np);
        await Services.CreateAsync(NewService(ns, "plain", clusterIP: "10.96.0.30"));
        await Services.CreateAsync(NewService(ns, "headless", clusterIP: "None"));
        var (exit, output) = await KubectlAsync("get", "svc", "-n", ns);
        Assert.That(exit, Is.Zero, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.That(lines[0], Is.EqualTo("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE"));
        Assert.That(lines, Has.Some.Match(@"^headless ClusterIP None <none> 80/TCP \d+s$"));
        Assert.That(lines, Has.Some.Match(@"^plain ClusterIP 10\.96\.0\.30 <none> 80/TCP \d+s$"));
        Assert.That(lines, Has.Some.Match(@"^web NodePort 10\.\d+\.\d+\.\d+ <none> 80:30080/TCP \d+s$"));
    }

    [Test]
    public async Task Kubectl_expose_deployment_creates_a_service_with_an_address()
    {
        var ns = await CreateNamespaceAsync();
        var (created, createOutput) = await KubectlAsync("create", "deployment", "web", "--image=busybox", "-n", ns);
        Assert.That(created, Is.Zero, createOutput);
        var (exit, output) = await KubectlAsync("expose", "deployment", "web", "--port=80", "--target-port=8080", "--type=NodePort", "-n", ns);
        Assert.That(exit, Is.Zero, output);
        var service = await Services.GetAsync("web", ns);
        Assert.That(DefaultRange.Contains(IPAddress.Parse(service.Spec!.ClusterIP!)), service.Spec.ClusterIP);
        Assert.That(service.Spec.Ports![0].NodePort, Is.InRange(30000, 32767));
        Assert.That(service.Spec.Selector, Does.ContainKey("app").WithValue("web"));
    }

    internal static Service NewService(string ns, string name, string? clusterIP = null, string? type = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ServiceSpec
        {
            Type = type,
            ClusterIP = clusterIP,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new ServicePort { Port = 80 }],
        },
    };
}
