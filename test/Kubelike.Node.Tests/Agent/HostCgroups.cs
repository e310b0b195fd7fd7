namespace Kubelike.Node.Tests.Agent;

/// <summary>The pod cgroups of the test containerd's cgroup root as the host shows them (cgroup v1 controllers or v2).</summary>
internal static class HostCgroups
{
    private const string Root = "/sys/fs/cgroup";

    public static bool Unified => File.Exists(Path.Combine(Root, "cgroup.controllers"));

    /// <summary>The pod's cgroup path below a hierarchy (<c>ROOT/[burstable|besteffort/]pod&lt;uid&gt;</c>), or null when it has none.</summary>
    public static string? Find(string uid)
    {
        var hierarchy = Unified ? Root : Path.Combine(Root, "memory");
        foreach (var qos in new[] { "", "burstable", "besteffort" })
        {
            var relative = Path.Combine(TestContainerd.CgroupRoot, qos, "pod" + uid);
            if (Directory.Exists(Path.Combine(hierarchy, relative)))
                return relative;
        }

        return null;
    }

    /// <summary>A cgroup file's content: the v1 controller's file, or the v2 one; null when absent.</summary>
    public static string? Read(string relative, string controller, string v1File, string v2File)
    {
        var path = Unified ? Path.Combine(Root, relative, v2File) : Path.Combine(Root, controller, relative, v1File);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
