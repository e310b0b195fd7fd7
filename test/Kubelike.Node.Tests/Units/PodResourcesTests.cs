using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Node.Pods;
using Kubelike.Node.Pressure;
using Kubelike.Node.Status;

namespace Kubelike.Node.Tests.Units;

/// <summary>QoS classes, pod cgroup settings and pressure conditions by the kubelet's rules, without a runtime.</summary>
[TestFixture]
public sealed class PodResourcesTests
{
    private static Container Container(string? cpuRequest = null, string? memoryRequest = null, string? cpuLimit = null, string? memoryLimit = null)
    {
        Dictionary<string, Quantity>? Values(string? cpu, string? memory)
        {
            var values = new Dictionary<string, Quantity>();
            if (cpu is not null)
                values["cpu"] = Quantity.Parse(cpu);
            if (memory is not null)
                values["memory"] = Quantity.Parse(memory);
            return values.Count == 0 ? null : values;
        }

        return new Container { Name = "c", Resources = new ResourceRequirements { Requests = Values(cpuRequest, memoryRequest), Limits = Values(cpuLimit, memoryLimit) } };
    }

    private static PodSpec Spec(params Container[] containers) => new() { Containers = [.. containers] };

    [Test]
    public void Qos_classes_follow_upstream()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PodStatusBuilder.QosClass(Spec(Container())), Is.EqualTo("BestEffort"));
            Assert.That(PodStatusBuilder.QosClass(Spec(Container(cpuLimit: "1", memoryLimit: "1Gi"))), Is.EqualTo("Guaranteed"), "requests default to limits");
            Assert.That(PodStatusBuilder.QosClass(Spec(Container(cpuRequest: "1000m", memoryRequest: "1Gi", cpuLimit: "1", memoryLimit: "1024Mi"))), Is.EqualTo("Guaranteed"), "equal quantities in other units");
            Assert.That(PodStatusBuilder.QosClass(Spec(Container(cpuLimit: "1", memoryLimit: "1Gi"), Container(cpuRequest: "1", memoryRequest: "1Gi", cpuLimit: "1", memoryLimit: "1Gi"))), Is.EqualTo("Guaranteed"));
            Assert.That(PodStatusBuilder.QosClass(Spec(Container(cpuLimit: "1", memoryLimit: "1Gi"), Container())), Is.EqualTo("Burstable"), "one container without limits");
            Assert.That(PodStatusBuilder.QosClass(Spec(Container(cpuRequest: "100m"))), Is.EqualTo("Burstable"));
            Assert.That(PodStatusBuilder.QosClass(Spec(new Container { Name = "c", Resources = new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["ephemeral-storage"] = Quantity.Parse("1Gi") } } })),
                Is.EqualTo("BestEffort"), "only cpu and memory count");
        });
    }

    [Test]
    public void The_pod_cgroup_sums_requests_and_limits_and_caps_only_what_every_container_limits()
    {
        var guaranteed = PodResourceConfig.For(Spec(Container(cpuLimit: "250m", memoryLimit: "64Mi"), Container(cpuLimit: "250m", memoryLimit: "64Mi")), "Guaranteed");
        var burstable = PodResourceConfig.For(Spec(Container(cpuRequest: "100m", memoryLimit: "64Mi"), Container(cpuRequest: "100m")), "Burstable");
        var initBigger = new PodSpec
        {
            InitContainers = [Container(cpuLimit: "2", memoryLimit: "1Gi")],
            Containers = [Container(cpuLimit: "500m", memoryLimit: "64Mi")],
        };
        Assert.Multiple(() =>
        {
            Assert.That(guaranteed, Is.EqualTo(new PodResourceConfig(512, 50_000, 128L * 1024 * 1024)));
            Assert.That(burstable, Is.EqualTo(new PodResourceConfig(204, null, null)), "one container has no memory limit, none a cpu limit");
            Assert.That(PodResourceConfig.For(Spec(Container()), "BestEffort"), Is.EqualTo(new PodResourceConfig(2, null, null)));
            Assert.That(PodResourceConfig.For(initBigger, "Guaranteed"), Is.EqualTo(new PodResourceConfig(2048, 200_000, 1024L * 1024 * 1024)),
                "an init container larger than the app containers sets the pod's size");
        });
    }

    [Test]
    public void The_cgroup_parent_follows_the_kubelets_cgroupfs_layout()
    {
        var cgroups = new PodCgroups("kubelike-node");
        Assert.Multiple(() =>
        {
            Assert.That(cgroups.Parent("Guaranteed", "u1"), Is.EqualTo("/kubelike-node/podu1"));
            Assert.That(cgroups.Parent("Burstable", "u1"), Is.EqualTo("/kubelike-node/burstable/podu1"));
            Assert.That(cgroups.Parent("BestEffort", "u1"), Is.EqualTo("/kubelike-node/besteffort/podu1"));
        });
    }

    [Test]
    public void Pressure_conditions_hold_below_the_kubelets_default_hard_eviction_thresholds()
    {
        const long Mi = 1024 * 1024;
        var defaults = new EvictionThresholds();
        var healthy = new HostUsage(8192 * Mi, 4096 * Mi, 100_000 * Mi, 50_000 * Mi, 32768, 500);
        Assert.Multiple(() =>
        {
            Assert.That(NodePressure.Evaluate(healthy, defaults), Is.EqualTo(new NodePressure(false, false, false)));
            Assert.That(NodePressure.Evaluate(healthy with { MemoryAvailableBytes = 99 * Mi }, defaults).Memory, Is.True, "memory.available<100Mi");
            Assert.That(NodePressure.Evaluate(healthy with { NodeFsAvailableBytes = 9_000 * Mi }, defaults).Disk, Is.True, "nodefs.available<10%");
            Assert.That(NodePressure.Evaluate(healthy with { Processes = 32700 }, defaults).Pid, Is.False, "no pid threshold by default");
            Assert.That(NodePressure.Evaluate(healthy with { Processes = 32700 }, defaults with { PidAvailable = 1000 }).Pid, Is.True, "pid.available<1000");
        });
    }

    [Test]
    public void The_host_is_read_for_real()
    {
        var usage = HostUsage.Read(Path.GetTempPath());
        Assert.Multiple(() =>
        {
            Assert.That(usage.MemoryCapacityBytes, Is.GreaterThan(0));
            Assert.That(usage.MemoryAvailableBytes, Is.InRange(0, usage.MemoryCapacityBytes));
            Assert.That(usage.NodeFsAvailableBytes, Is.InRange(1, usage.NodeFsCapacityBytes));
            Assert.That(usage.PidAvailable, Is.InRange(1, usage.PidMax));
        });
    }
}
