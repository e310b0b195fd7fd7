using System.Diagnostics;
using Npgsql;

namespace Kubelike.Storage.Tests;

/// <summary>
/// The PostgreSQL server of this test run: the one named by KUBELIKE_TEST_PG (as <c>make test</c> starts it
/// with hack/pg-test.sh), or, when unset, one started here with the same script and stopped at the end.
/// Each fixture gets a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
[SetUpFixture]
public sealed class TestPostgres
{
    private static string? _connectionString;
    private static string? _startedDir;

    public static string ConnectionString => _connectionString ?? throw new InvalidOperationException("test PostgreSQL not started");

    /// <summary>The server's data directory when known (for tests that restart or inspect it).</summary>
    public static string? DataDirectory { get; private set; }

    [OneTimeSetUp]
    public void Start()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBELIKE_TEST_PG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            _connectionString = fromEnvironment;
            DataDirectory = Environment.GetEnvironmentVariable("KUBELIKE_TEST_PG_DIR");
            return;
        }
        var exports = RunScript("start");
        foreach (var line in exports.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var assignment = line.StartsWith("export ", StringComparison.Ordinal) ? line[7..] : line;
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
                continue;
            var name = assignment[..equals];
            var value = assignment[(equals + 1)..].Trim('\'', '"');
            if (name == "KUBELIKE_TEST_PG")
                _connectionString = value;
            else if (name == "KUBELIKE_TEST_PG_DIR")
                _startedDir = DataDirectory = value;
        }
        if (_connectionString is null)
            throw new InvalidOperationException($"hack/pg-test.sh start printed no KUBELIKE_TEST_PG: {exports}");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedDir is not null)
            RunScript("stop", _startedDir);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "kl_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static string RunScript(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "hack", "pg-test.sh");
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kubelike.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Kubelike.sln) above " + AppContext.BaseDirectory);
    }
}
