using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Kubelike.Node.Volumes;

/// <summary>The tmpfs mounts of Memory emptyDirs and Secret/projected volumes, and what the host has mounted (/proc/self/mountinfo).</summary>
public static class MountTable
{
    /// <summary>The mount points at or below <paramref name="directory"/>, deepest first (the order to unmount them in).</summary>
    public static List<string> MountPointsUnder(string directory)
    {
        var prefix = directory.TrimEnd('/');
        var points = new List<string>();
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 5)
                continue;
            // Spaces and a few other characters are octal-escaped in mountinfo.
            var point = fields[4].Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
            if (point == prefix || point.StartsWith(prefix + "/", StringComparison.Ordinal))
                points.Add(point);
        }

        return [.. points.Distinct().OrderByDescending(p => p.Length)];
    }

    public static bool IsMountPoint(string path) => MountPointsUnder(path).Contains(path.TrimEnd('/'));

    /// <summary>Mounts a tmpfs at <paramref name="path"/> unless one is there already (an agent restart finds its mounts).</summary>
    public static void EnsureTmpfs(string path, long? sizeBytes, string mode)
    {
        if (IsMountPoint(path))
            return;
        var data = $"mode={mode}" + (sizeBytes is > 0 ? $",size={sizeBytes}" : "");
        if (VolumeNativeMethods.Mount("tmpfs", path, "tmpfs", VolumeNativeMethods.MS_NOSUID | VolumeNativeMethods.MS_NODEV, data) != 0)
            throw new VolumeMountException($"mount tmpfs at {path} failed: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
    }

    /// <summary>Unmounts every mount at or below <paramref name="directory"/> (lazily, so a busy one still goes).</summary>
    public static void UnmountAll(string directory)
    {
        foreach (var point in MountPointsUnder(directory))
        {
            if (VolumeNativeMethods.Unmount(point, VolumeNativeMethods.MNT_DETACH) != 0)
                throw new IOException($"unmount {point} failed: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }
    }
}
