using System.Globalization;

namespace Kubelike.Node.Pressure;

/// <summary>
/// The host's signals the eviction thresholds are checked against, read as the kubelet defines them:
/// memory.available = capacity − working set (the root memory cgroup's usage less its inactive file pages; MemAvailable
/// where no cgroup says), nodefs.available = free bytes of the data directory's filesystem, pid.available = pid_max −
/// processes.
/// </summary>
public sealed record HostUsage(long MemoryCapacityBytes, long MemoryAvailableBytes, long NodeFsCapacityBytes, long NodeFsAvailableBytes, long PidMax, long Processes)
{
    public long PidAvailable => PidMax - Processes;

    public static HostUsage Read(string dataDirectory, string cgroupFsRoot = "/sys/fs/cgroup")
    {
        var meminfo = MemInfo();
        var capacity = meminfo.GetValueOrDefault("MemTotal");
        var workingSet = RootWorkingSet(cgroupFsRoot);
        var memoryAvailable = workingSet is { } used ? capacity - used : meminfo.GetValueOrDefault("MemAvailable");
        var drive = new DriveInfo(dataDirectory);
        return new HostUsage(capacity, memoryAvailable, drive.TotalSize, drive.AvailableFreeSpace, ReadPidMax(), ReadProcesses());
    }

    private static Dictionary<string, long> MemInfo()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var fields = line[(colon + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (colon > 0 && fields.Length > 0 && long.TryParse(fields[0], CultureInfo.InvariantCulture, out var kib))
                values[line[..colon]] = kib * 1024;
        }

        return values;
    }

    /// <summary>The root cgroup's usage less inactive file pages (cgroup v1 memory controller, or v2's root memory.stat); null when unreadable.</summary>
    private static long? RootWorkingSet(string cgroupFsRoot)
    {
        var v1 = Path.Combine(cgroupFsRoot, "memory");
        if (File.Exists(Path.Combine(v1, "memory.usage_in_bytes")))
        {
            var usage = long.Parse(File.ReadAllText(Path.Combine(v1, "memory.usage_in_bytes")).Trim(), CultureInfo.InvariantCulture);
            var inactive = Stat(Path.Combine(v1, "memory.stat"), "total_inactive_file");
            return Math.Max(0, usage - inactive);
        }

        return null;
    }

    private static long Stat(string file, string key)
    {
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var value))
                return value;
        }

        return 0;
    }

    private static long ReadPidMax() =>
        long.TryParse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture, out var max) ? max : 32768;

    /// <summary>Processes and threads that exist (the 4th field of /proc/loadavg: running/total).</summary>
    private static long ReadProcesses()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return fields.Length > 3 && long.TryParse(fields[3].Split('/')[^1], CultureInfo.InvariantCulture, out var total) ? total : 0;
    }
}
