using System.Net;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests.Services;

using CoreEndpoints = Kubelike.Api.Core.V1.Endpoints;

/// <summary>
/// Two <c>kubelike server</c> processes on one PostgreSQL database (KUBELIKE_TEST_PG) with a small service range:
/// allocations made through both at once never collide, a full range says so, and both servers are endpoints of the
/// kubernetes service.
/// </summary>
public sealed class SharedDatabaseAllocationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private FreshDatabase? _database;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await FreshDatabase.CreateAsync("services");

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task Two_servers_fill_a_small_range_without_giving_an_address_or_port_twice()
    {
        string[] arguments = ["--datastore-endpoint", _database!.ConnectionString, "--no-controllers",
            "--service-cluster-ip-range", "10.100.0.0/26", "--service-node-port-range", "31000-31039"];
        await using var first = await KubelikeServer.StartAsync(arguments);
        await using var second = await KubelikeServer.StartAsync(arguments);
        using var a = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(first.Kubeconfig));
        using var b = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(second.Kubeconfig));
        var ns = "default";

        // 62 addresses in a /26 without network and broadcast; 10.100.0.1 is the kubernetes service's: 61 remain.
        var kubernetes = await Poll.UntilAsync(async () => await TryGetAsync(a.Resource<Service>(), "kubernetes", ns), "the kubernetes service", Deadline);
        Assert.That(kubernetes.Spec!.ClusterIP, Is.EqualTo("10.100.0.1"));
        var creates = Enumerable.Range(0, 61).Select(i =>
        {
            var client = i % 2 == 0 ? a : b;
            var service = ServiceAllocationTests.NewService(ns, $"s{i}", type: i < 40 ? "NodePort" : null);
            return client.Resource<Service>().CreateAsync(service);
        });
        var created = await Task.WhenAll(creates);
        var ips = created.Select(s => s.Spec!.ClusterIP!).Append("10.100.0.1").ToList();
        Assert.That(ips.Distinct().Count(), Is.EqualTo(62));
        var range = IPNetwork.Parse("10.100.0.0/26");
        Assert.That(ips.All(ip => range.Contains(IPAddress.Parse(ip))), Is.True, string.Join(", ", ips));
        var ports = created.Where(s => s.Spec!.Type == "NodePort").Select(s => s.Spec!.Ports![0].NodePort!.Value).ToList();
        Assert.That(ports.Distinct().Count(), Is.EqualTo(40));
        Assert.That(ports.All(p => p is >= 31000 and <= 31039), Is.True, string.Join(", ", ports));

        var full = Assert.ThrowsAsync<KubernetesApiException>(() => b.Resource<Service>().CreateAsync(ServiceAllocationTests.NewService(ns, "one-too-many")))!;
        Assert.That(full.Code, Is.EqualTo(500));
        Assert.That(full.Status.Message, Does.Contain("range is full"));
        var noPort = Assert.ThrowsAsync<KubernetesApiException>(() => a.Resource<Service>().CreateAsync(ServiceAllocationTests.NewService(ns, "s0-port", clusterIP: "None", type: "NodePort")))!;
        Assert.That(noPort.Status.Message, Does.Contain("range is full"));

        // Deleting through one server frees for the other.
        await a.Resource<Service>().DeleteAsync("s1", ns);
        var reused = await b.Resource<Service>().CreateAsync(ServiceAllocationTests.NewService(ns, "late"));
        Assert.That(reused.Spec!.ClusterIP, Is.EqualTo(created[1].Spec!.ClusterIP));

        // Each server has added itself to the kubernetes endpoints.
        await Poll.UntilAsync(async () =>
        {
            var endpoints = await TryGetAsync(a.Resource<CoreEndpoints>(), "kubernetes", ns);
            var known = endpoints?.Subsets?.SelectMany(s => s.Ports!.Select(p => p.Port)).ToHashSet() ?? [];
            return known.Contains(first.Port) && known.Contains(second.Port) ? "both" : null;
        }, "both servers in the kubernetes endpoints", Deadline);

        // A server that stops takes itself out.
        await second.StopAsync();
        await Poll.UntilAsync(async () =>
        {
            var endpoints = await TryGetAsync(a.Resource<CoreEndpoints>(), "kubernetes", ns);
            var known = endpoints?.Subsets?.SelectMany(s => s.Ports!.Select(p => p.Port)).ToList() ?? [];
            return known.SequenceEqual([first.Port]) ? "only the first" : null;
        }, "the stopped server gone from the kubernetes endpoints", Deadline);
    }

    private static async Task<T?> TryGetAsync<T>(ResourceClient<T> client, string name, string ns)
        where T : class
    {
        try
        {
            return await client.GetAsync(name, ns);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
