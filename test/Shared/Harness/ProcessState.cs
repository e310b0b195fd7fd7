using System.Globalization;

namespace Kubelike.Testing;

public static class ProcessState
{
    /// <summary>
    /// Whether the process exists and is not a zombie. A postmaster that pg_ctl daemonized is re-parented when the
    /// server exits, and a container's init may never reap it: it then stays in /proc as a zombie.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
                .Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains("Z (zombie)", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
