using System.Diagnostics;
using System.Globalization;

namespace Kubelike.Server.Tests.TestSupport;

/// <summary>Looks at a PostgreSQL cluster from the outside: its postmaster.pid and pg_ctl.</summary>
internal static class Postmaster
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The postmaster's pid from postmaster.pid, or null when the file is absent.</summary>
    public static int? ReadPid(string clusterDirectory)
    {
        var file = Path.Combine(clusterDirectory, "postmaster.pid");
        if (!File.Exists(file))
        {
            return null;
        }

        var firstLine = File.ReadLines(file).FirstOrDefault();
        return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsProcessAlive(int pid)
    {
        try
        {
            return !File.ReadLines($"/proc/{pid}/status").Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains("Z (zombie)", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when a postmaster is recorded for the cluster and its process is alive.</summary>
    public static bool IsRunning(string clusterDirectory) => ReadPid(clusterDirectory) is { } pid && IsProcessAlive(pid);

    /// <summary>Best-effort cleanup after a failed test: stop whatever postmaster is left in the cluster.</summary>
    public static void StopIfRunning(string clusterDirectory)
    {
        if (!IsRunning(clusterDirectory))
        {
            return;
        }

        var pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", pgCtl } }
            : new ProcessStartInfo(pgCtl);
        foreach (var argument in new[] { "stop", "-D", clusterDirectory, "-m", "immediate", "-w" })
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = "/";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        process.WaitForExit(30_000);
    }
}
