using Kubelike.Api.Core.V1;
using Kubelike.Controllers.Runtime;

namespace Kubelike.Controllers.Scheduling;

/// <summary>What the scheduler needs of one pod, computed once: its requests, host ports and spreading key.</summary>
public sealed class PodInfo
{
    /// <summary>What a container without a cpu request counts as when scoring (upstream's DefaultMilliCPURequest).</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>What a container without a memory request counts as when scoring (upstream's DefaultMemoryRequest, 200 MiB).</summary>
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    private PodInfo(Pod pod)
    {
        Pod = pod;
        Key = $"{pod.Metadata?.Namespace}/{pod.Metadata?.Name}";
        Uid = pod.Metadata?.Uid ?? Key;
        var spec = pod.Spec ?? new PodSpec();
        (Requests, NonZeroRequests) = ComputeRequests(spec);
        HostPorts = [.. AllContainers(spec).SelectMany(c => c.Ports ?? []).Where(p => p.HostPort is > 0).Select(HostPort.Of)];
        SpreadKey = Owners.Controller(pod)?.Uid;
    }

    public Pod Pod { get; }

    /// <summary><c>namespace/name</c>.</summary>
    public string Key { get; }

    public string Uid { get; }

    /// <summary>What the pod asks for: the larger of its containers' sum and any one init container, plus overhead.</summary>
    public ResourceSet Requests { get; }

    /// <summary><see cref="Requests"/> with cpu and memory defaulted per container, for scoring.</summary>
    public ResourceSet NonZeroRequests { get; }

    public IReadOnlyList<HostPort> HostPorts { get; }

    /// <summary>The uid of the pod's controller: pods sharing it are spread across nodes. Null for a bare pod.</summary>
    public string? SpreadKey { get; }

    public static PodInfo Of(Pod pod) => new(pod);

    private static IEnumerable<Container> AllContainers(PodSpec spec) => [.. spec.InitContainers ?? [], .. spec.Containers ?? []];

    private static (ResourceSet Requests, ResourceSet NonZero) ComputeRequests(PodSpec spec)
    {
        var requests = new ResourceSet();
        var nonZero = new ResourceSet();
        foreach (var container in spec.Containers ?? [])
        {
            var own = ResourceSet.From(container.Resources?.Requests);
            requests.Add(own);
            nonZero.Add(NonZero(own));
        }

        // Sidecars (restartable init containers) run alongside the app containers; other init containers run alone first.
        var sidecars = new ResourceSet();
        var sidecarsNonZero = new ResourceSet();
        var initPeak = new ResourceSet();
        var initPeakNonZero = new ResourceSet();
        foreach (var init in spec.InitContainers ?? [])
        {
            var own = ResourceSet.From(init.Resources?.Requests);
            if (init.RestartPolicy == "Always")
            {
                sidecars.Add(own);
                sidecarsNonZero.Add(NonZero(own));
                continue;
            }

            var during = ResourceSet.From(init.Resources?.Requests);
            during.Add(sidecars);
            initPeak.SetMax(during);
            var duringNonZero = NonZero(own);
            duringNonZero.Add(sidecarsNonZero);
            initPeakNonZero.SetMax(duringNonZero);
        }

        requests.Add(sidecars);
        nonZero.Add(sidecarsNonZero);
        requests.SetMax(initPeak);
        nonZero.SetMax(initPeakNonZero);
        requests.Add(ResourceSet.From(spec.Overhead));
        nonZero.Add(ResourceSet.From(spec.Overhead));
        return (requests, nonZero);
    }

    private static ResourceSet NonZero(ResourceSet own)
    {
        var copy = new ResourceSet
        {
            MilliCpu = own.MilliCpu == 0 ? DefaultMilliCpuRequest : own.MilliCpu,
            Memory = own.Memory == 0 ? DefaultMemoryRequest : own.Memory,
        };
        return copy;
    }
}
