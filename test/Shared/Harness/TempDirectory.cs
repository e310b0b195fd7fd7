namespace Kubelike.Testing;

/// <summary>
/// A fresh directory under /tmp, removed on dispose. Short paths, because PostgreSQL's unix socket lives below
/// the data directory and socket addresses are limited to 107 bytes. Mode 0755, because a root server runs
/// PostgreSQL as the postgres user, which must reach the cluster below it; in a 0700 directory EmbeddedPostgres
/// would relocate the cluster to /var/lib/kubelike.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public TempDirectory(string prefix = "kl-compat")
    {
        Path = System.IO.Path.Combine("/tmp", $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(Path, Mode);
        // CreateDirectory's mode is masked by the umask; the point is the exact mode.
        File.SetUnixFileMode(Path, Mode);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public override string ToString() => Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
