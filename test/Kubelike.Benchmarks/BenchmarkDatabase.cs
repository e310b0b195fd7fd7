using Kubelike.Storage.Embedded;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Benchmarks;

/// <summary>
/// The benchmark's own PostgreSQL: the product's <see cref="EmbeddedPostgres"/> with Durable = true (fsync and
/// synchronous_commit on, as a server runs it) in a fresh temporary directory that is removed afterwards.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>Two stores' pools, the raw writers' pool and the tools, with room to spare.</summary>
    private const int MaxConnections = 300;

    private readonly string _directory;
    private readonly EmbeddedPostgres _postgres;

    private BenchmarkDatabase(string directory, EmbeddedPostgres postgres)
    {
        _directory = directory;
        _postgres = postgres;
    }

    public string DataDirectory => _postgres.ClusterDirectory;

    /// <summary>For the stores: the embedded server's own connection string, with room for slow list queries.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { CommandTimeout = 300 }.ConnectionString;

    public static async Task<BenchmarkDatabase> StartAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("kubelike-bench-").FullName;
        // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the cluster
        // below this directory; otherwise EmbeddedPostgres relocates it out of the temporary directory.
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "pg"), Durable = true };
        options.Settings["max_connections"] = MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Stated rather than assumed: the point is to measure with production durability.
        options.Settings["fsync"] = "on";
        options.Settings["synchronous_commit"] = "on";
        options.Settings["full_page_writes"] = "on";
        var postgres = new EmbeddedPostgres(options, loggerFactory.CreateLogger<EmbeddedPostgres>());
        try
        {
            await postgres.StartAsync(cancellationToken);
            return new BenchmarkDatabase(directory, postgres);
        }
        catch
        {
            await postgres.DisposeAsync();
            DeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Forces a checkpoint so that each measurement starts without one pending from the previous.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("CHECKPOINT", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _postgres.DisposeAsync();
        DeleteDirectory(_directory);
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"bench: could not remove {directory}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            Console.Error.WriteLine($"bench: could not remove {directory}: {exception.Message}");
        }
    }
}
