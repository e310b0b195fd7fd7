namespace Kubelike.Storage.Embedded;

/// <summary>Finds system programs (runuser, chown, pg_config) without relying on the caller's PATH alone.</summary>
internal static class SystemTools
{
    // Services often start with a minimal PATH that lacks the sbin directories runuser lives in.
    private static readonly string[] FallbackDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(FallbackDirectories))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string Require(string program) =>
        Find(program) ?? throw new InvalidOperationException($"{program} was not found on PATH or in the sbin/bin directories");
}
