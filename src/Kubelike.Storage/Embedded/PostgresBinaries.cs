using System.Globalization;

namespace Kubelike.Storage.Embedded;

/// <summary>Locates the PostgreSQL server tools (initdb, pg_ctl) installed on the machine.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The configured directory, else the Debian install matching the cluster's major version (an existing
    /// cluster can only be started by its own major version), else the newest Debian install, else
    /// <c>pg_config --bindir</c>, else the directory of pg_ctl on PATH.
    /// </summary>
    public static async Task<string> ResolveAsync(string? configured, string? clusterMajorVersion, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return HasTools(configured)
                ? configured
                : throw new InvalidOperationException($"no initdb/pg_ctl in the configured PostgreSQL bin directory {configured}");
        }

        if (clusterMajorVersion is not null)
        {
            var matching = Path.Combine(DebianRoot, clusterMajorVersion, "bin");
            if (HasTools(matching))
            {
                return matching;
            }
        }

        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(candidate => candidate.Version is not null && HasTools(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        if (SystemTools.Find("pg_config") is { } pgConfig)
        {
            var result = await ProcessRunner.RunAsync(pgConfig, ["--bindir"], TimeSpan.FromSeconds(10), cancellationToken);
            if (result.Succeeded && HasTools(result.Output))
            {
                return result.Output;
            }
        }

        if (SystemTools.Find("pg_ctl") is { } pgCtl && HasTools(Path.GetDirectoryName(pgCtl)!))
        {
            return Path.GetDirectoryName(pgCtl)!;
        }

        throw new InvalidOperationException(
            $"PostgreSQL server tools (initdb, pg_ctl) not found under {DebianRoot}/*/bin or on PATH; install PostgreSQL or give its bin directory");
    }

    private static bool HasTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var version) ? version
        : null;
}
