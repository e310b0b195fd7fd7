using Kubelike.Api.Core.V1;
using V1 = Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Pods;

/// <summary>A container's requests and limits as cgroup settings, by the kubelet's formulas (shares 1024 per core, 100 ms CFS period).</summary>
internal static class LinuxResources
{
    private const long CpuPeriod = 100_000;

    public static V1.LinuxContainerResources From(ResourceRequirements? resources)
    {
        var result = new V1.LinuxContainerResources { CpuShares = 2 };
        var limits = resources?.Limits;
        var requests = resources?.Requests;
        if (requests?.TryGetValue("cpu", out var cpuRequest) == true && cpuRequest is not null)
            result.CpuShares = Math.Max(2, (long)(cpuRequest.ToDecimal() * 1024));
        else if (limits?.TryGetValue("cpu", out var cpuLimitAsRequest) == true && cpuLimitAsRequest is not null)
            result.CpuShares = Math.Max(2, (long)(cpuLimitAsRequest.ToDecimal() * 1024));
        if (limits?.TryGetValue("cpu", out var cpuLimit) == true && cpuLimit is not null)
        {
            result.CpuPeriod = CpuPeriod;
            result.CpuQuota = Math.Max(1000, (long)(cpuLimit.ToDecimal() * CpuPeriod));
        }

        if (limits?.TryGetValue("memory", out var memory) == true && memory is not null)
            result.MemoryLimitInBytes = (long)memory.ToDecimal();
        return result;
    }
}
