using Npgsql;

namespace Kubelike.Controllers.Tests.Support;

/// <summary>
/// A database of its own on the test PostgreSQL server (KUBELIKE_TEST_PG), for tests that run several
/// <c>kubelike server</c> processes on one database; dropped, with whatever still holds it, at dispose.
/// </summary>
public sealed class FreshDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private FreshDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The connection string to pass as <c>--datastore-endpoint</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<FreshDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("KUBELIKE_TEST_PG");
        Assert.That(server, Is.Not.Null.And.Not.Empty, "KUBELIKE_TEST_PG must name a PostgreSQL server (hack/run-tests.sh sets it)");
        var name = $"kl_{prefix}_{Guid.NewGuid().ToString("N")[..12]}";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new FreshDatabase(server!, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
