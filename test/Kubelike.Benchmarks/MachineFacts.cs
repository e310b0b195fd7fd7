using System.Runtime.InteropServices;
using Npgsql;

namespace Kubelike.Benchmarks;

/// <summary>What the figures were measured on; PostgreSQL's settings are read back from the server.</summary>
internal sealed record MachineFacts(
    int Cores,
    string Cpu,
    double MemoryGiB,
    string OperatingSystem,
    string Runtime,
    string GcMode,
    string PostgresVersion,
    string Fsync,
    string SynchronousCommit,
    string FullPageWrites,
    string WalSyncMethod,
    string MaxConnections,
    string SharedBuffers,
    string DataDirectory,
    string DataFilesystem,
    string LoadAverage)
{
    public static async Task<MachineFacts> CollectAsync(string connectionString, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "?";
        }

        return new MachineFacts(
            Environment.ProcessorCount,
            CpuModel(),
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
            await Show("server_version"),
            await Show("fsync"),
            await Show("synchronous_commit"),
            await Show("full_page_writes"),
            await Show("wal_sync_method"),
            await Show("max_connections"),
            await Show("shared_buffers"),
            dataDirectory,
            Filesystem(dataDirectory),
            ReadLoadAverage());
    }

    /// <summary>
    /// The 1, 5 and 15 minute load averages: on a shared machine other work competes for the cores, and the
    /// figures are only comparable between runs with similar load.
    /// </summary>
    public static string ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    /// <summary>The mount holding the data directory (fsync cost depends entirely on it).</summary>
    private static string Filesystem(string path)
    {
        try
        {
            var best = (Mount: "", Type: "?", Device: "?");
            foreach (var line in File.ReadLines("/proc/self/mounts"))
            {
                var fields = line.Split(' ');
                if (fields.Length < 3)
                    continue;
                var mount = fields[1].Replace("\\040", " ", StringComparison.Ordinal);
                var covers = path == mount || path.StartsWith(mount.EndsWith('/') ? mount : mount + "/", StringComparison.Ordinal);
                if (covers && mount.Length >= best.Mount.Length)
                    best = (mount, fields[2], fields[0]);
            }
            return $"{best.Type} on {best.Mount} ({best.Device})";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
