namespace Kubelike.Node.Volumes;

/// <summary>The hostPath <c>type</c> checks of the kubelet's hostPath plugin, with its messages; the *OrCreate kinds create what is missing.</summary>
public static class HostPathCheck
{
    public static void Ensure(string path, string? type)
    {
        var kind = VolumeNativeMethods.FileType(path);
        switch (type ?? "")
        {
            case "":
                return;
            case "DirectoryOrCreate" when kind is null:
                Directory.CreateDirectory(path, (UnixFileMode)Convert.ToInt32("755", 8));
                return;
            case "FileOrCreate" when kind is null:
                // The parent is not created, as upstream: a missing parent is an error.
                if (!Directory.Exists(Path.GetDirectoryName(path)))
                    throw new VolumeMountException($"hostPath type check failed: {path}: parent directory does not exist");
                using (File.Create(path))
                {
                }

                File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));
                return;
            case "Directory" or "DirectoryOrCreate":
                if (kind != VolumeNativeMethods.S_IFDIR)
                    throw new VolumeMountException($"hostPath type check failed: {path} is not a directory");
                return;
            case "File" or "FileOrCreate":
                if (kind != VolumeNativeMethods.S_IFREG)
                    throw new VolumeMountException($"hostPath type check failed: {path} is not a file");
                return;
            case "Socket":
                if (kind != VolumeNativeMethods.S_IFSOCK)
                    throw new VolumeMountException($"hostPath type check failed: {path} is not a socket file");
                return;
            case "CharDevice":
                if (kind != VolumeNativeMethods.S_IFCHR)
                    throw new VolumeMountException($"hostPath type check failed: {path} is not a character device");
                return;
            case "BlockDevice":
                if (kind != VolumeNativeMethods.S_IFBLK)
                    throw new VolumeMountException($"hostPath type check failed: {path} is not a block device");
                return;
            default:
                throw new VolumeMountException($"hostPath type check failed: unknown type {type}");
        }
    }
}
