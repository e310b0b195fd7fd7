using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Node.Status;

namespace Kubelike.Node.Pods;

/// <summary>
/// Pod-level cgroups in the kubelet's cgroupfs layout under the node's cgroup root: Guaranteed pods at
/// <c>/ROOT/pod&lt;uid&gt;</c>, Burstable at <c>/ROOT/burstable/pod&lt;uid&gt;</c>, BestEffort at
/// <c>/ROOT/besteffort/pod&lt;uid&gt;</c>. The agent creates the pod's cgroup with the pod's summed limits before its
/// sandbox (runc puts the containers below it) and removes it after the sandbox, since containerd leaves it behind.
/// </summary>
internal sealed class PodCgroups(string cgroupRoot, string cgroupFsRoot = "/sys/fs/cgroup")
{
    public const string Burstable = "burstable";
    public const string BestEffort = "besteffort";

    /// <summary>The cgroup parent of the pod's sandbox and containers, as CRI takes it (a cgroupfs path).</summary>
    public string Parent(Pod pod) => Parent(PodStatusBuilder.QosClass(pod.Spec!), pod.Metadata!.Uid!);

    public string Parent(string qosClass, string uid) => qosClass switch
    {
        "Guaranteed" => $"/{cgroupRoot}/pod{uid}",
        "Burstable" => $"/{cgroupRoot}/{Burstable}/pod{uid}",
        _ => $"/{cgroupRoot}/{BestEffort}/pod{uid}",
    };

    private bool Unified => File.Exists(Path.Combine(cgroupFsRoot, "cgroup.controllers"));

    /// <summary>Creates the pod's cgroup and writes its limits (cgroup v1 cpu/memory, or v2); best effort where a file cannot be written.</summary>
    public void Create(Pod pod)
    {
        var qos = PodStatusBuilder.QosClass(pod.Spec!);
        var parent = Parent(qos, pod.Metadata!.Uid!).TrimStart('/');
        var limits = PodResourceConfig.For(pod.Spec!, qos);
        if (Unified)
        {
            var dir = Path.Combine(cgroupFsRoot, parent);
            Directory.CreateDirectory(dir);
            TryWrite(Path.Combine(dir, "cpu.weight"), SharesToWeight(limits.CpuShares).ToString(CultureInfo.InvariantCulture));
            if (limits.CpuQuota is { } quota)
                TryWrite(Path.Combine(dir, "cpu.max"), string.Create(CultureInfo.InvariantCulture, $"{quota} {PodResourceConfig.CpuPeriod}"));
            if (limits.MemoryLimit is { } memory)
                TryWrite(Path.Combine(dir, "memory.max"), memory.ToString(CultureInfo.InvariantCulture));
            return;
        }

        var cpu = Path.Combine(cgroupFsRoot, "cpu", parent);
        Directory.CreateDirectory(cpu);
        // The BestEffort class as a whole gets the minimum weight, as the kubelet's QoS container manager gives it.
        if (qos == "BestEffort")
            TryWrite(Path.Combine(cgroupFsRoot, "cpu", cgroupRoot, BestEffort, "cpu.shares"), "2");
        TryWrite(Path.Combine(cpu, "cpu.shares"), limits.CpuShares.ToString(CultureInfo.InvariantCulture));
        if (limits.CpuQuota is { } cfsQuota)
        {
            TryWrite(Path.Combine(cpu, "cpu.cfs_period_us"), PodResourceConfig.CpuPeriod.ToString(CultureInfo.InvariantCulture));
            TryWrite(Path.Combine(cpu, "cpu.cfs_quota_us"), cfsQuota.ToString(CultureInfo.InvariantCulture));
        }

        var memoryDir = Path.Combine(cgroupFsRoot, "memory", parent);
        Directory.CreateDirectory(memoryDir);
        if (limits.MemoryLimit is { } limit)
            TryWrite(Path.Combine(memoryDir, "memory.limit_in_bytes"), limit.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Removes the pod's cgroup (whatever QoS class it was created under) in every hierarchy; true when none is left.</summary>
    public bool Remove(string uid)
    {
        var clean = true;
        foreach (var qos in new[] { "Guaranteed", "Burstable", "BestEffort" })
        {
            var relative = Parent(qos, uid).TrimStart('/');
            foreach (var hierarchy in Hierarchies())
                clean &= RemoveTree(Path.Combine(hierarchy, relative));
        }

        return clean;
    }

    /// <summary>The pod uids that have a cgroup under the root (in the cpu or unified hierarchy), for the orphan sweep.</summary>
    public IEnumerable<string> PodUids()
    {
        var top = Unified ? Path.Combine(cgroupFsRoot, cgroupRoot) : Path.Combine(cgroupFsRoot, "cpu", cgroupRoot);
        foreach (var dir in new[] { top, Path.Combine(top, Burstable), Path.Combine(top, BestEffort) })
        {
            if (!Directory.Exists(dir))
                continue;
            foreach (var pod in Directory.EnumerateDirectories(dir, "pod*"))
                yield return Path.GetFileName(pod)[3..];
        }
    }

    private IEnumerable<string> Hierarchies()
    {
        if (!Directory.Exists(cgroupFsRoot))
            return [];
        return Unified ? [cgroupFsRoot] : Directory.EnumerateDirectories(cgroupFsRoot).Where(d => Path.GetFileName(d) != "unified");
    }

    /// <summary>rmdir deepest first; a cgroup with processes still in it stays (false).</summary>
    private static bool RemoveTree(string dir)
    {
        if (!Directory.Exists(dir))
            return true;
        var clean = true;
        foreach (var child in Directory.EnumerateDirectories(dir))
            clean &= RemoveTree(child);
        try
        {
            // cgroupfs directories hold only pseudo files: rmdir (non-recursive delete) is what removes them.
            Directory.Delete(dir);
        }
        catch (IOException)
        {
            clean = false;
        }
        catch (UnauthorizedAccessException)
        {
            clean = false;
        }

        return clean;
    }

    private static void TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException)
        {
            // A controller the kernel does not offer here: the containers' own limits still apply.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>cgroup v2 weight from v1 shares, by the formula runc and the kubelet use.</summary>
    private static long SharesToWeight(long shares) => 1 + ((shares - 2) * 9999 / 262142);
}
