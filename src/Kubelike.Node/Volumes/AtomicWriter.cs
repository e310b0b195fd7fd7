using System.Globalization;

namespace Kubelike.Node.Volumes;

/// <summary>
/// Writes a volume's files the way the kubelet's atomic writer does, so a running container never sees a half
/// update: the files go into a fresh timestamped directory <c>..2026_11_22_08_30_00.1234</c>, the <c>..data</c>
/// symbolic link is switched to it by a rename, and each top-level name the user sees is a link through
/// <c>..data</c>. The previous timestamped directory and names no longer in the payload are removed afterwards.
/// </summary>
public static class AtomicWriter
{
    public const string DataLink = "..data";
    private const string NewDataLink = "..data_tmp";

    /// <summary>Brings <paramref name="directory"/> to <paramref name="files"/>; false when it already held exactly them.</summary>
    public static bool Write(string directory, IReadOnlyCollection<VolumeFile> files)
    {
        Directory.CreateDirectory(directory);
        var dataLink = Path.Combine(directory, DataLink);
        var oldTarget = new FileInfo(dataLink).LinkTarget;
        if (oldTarget is not null && Matches(Path.Combine(directory, oldTarget), files))
            return false;

        var stamp = DateTime.UtcNow.ToString("yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture);
        var timestamped = $"..{stamp}.{Random.Shared.Next(1_000_000_000)}";
        var target = Path.Combine(directory, timestamped);
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, (UnixFileMode)Convert.ToInt32("755", 8));
        foreach (var file in files)
        {
            var path = Path.Combine(target, file.Path);
            var parent = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(parent))
                Directory.CreateDirectory(parent, (UnixFileMode)Convert.ToInt32("755", 8));
            File.WriteAllBytes(path, file.Content);
            File.SetUnixFileMode(path, (UnixFileMode)file.Mode);
        }

        // The switch: a new link renamed over the old one is atomic.
        var newLink = Path.Combine(directory, NewDataLink);
        if (File.Exists(newLink) || new FileInfo(newLink).LinkTarget is not null)
            File.Delete(newLink);
        File.CreateSymbolicLink(newLink, timestamped);
        VolumeNativeMethods.Rename(newLink, dataLink);

        var visible = files.Select(f => f.Path.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in visible)
        {
            var link = Path.Combine(directory, name);
            if (new FileInfo(link).LinkTarget is null)
                File.CreateSymbolicLink(link, Path.Combine(DataLink, name));
        }

        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith("..", StringComparison.Ordinal))
            {
                if (entry.Name != DataLink && entry.Name != timestamped && entry.LinkTarget is null && entry is DirectoryInfo old)
                    old.Delete(recursive: true);
            }
            else if (!visible.Contains(entry.Name) && entry.LinkTarget is not null)
            {
                entry.Delete();
            }
        }

        return true;
    }

    /// <summary>Whether the timestamped directory holds exactly these files, contents and modes.</summary>
    private static bool Matches(string target, IReadOnlyCollection<VolumeFile> files)
    {
        if (!Directory.Exists(target))
            return false;
        var existing = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Count();
        if (existing != files.Count)
            return false;
        foreach (var file in files)
        {
            var path = Path.Combine(target, file.Path);
            if (!File.Exists(path) || (int)File.GetUnixFileMode(path) != file.Mode || !File.ReadAllBytes(path).AsSpan().SequenceEqual(file.Content))
                return false;
        }

        return true;
    }
}
