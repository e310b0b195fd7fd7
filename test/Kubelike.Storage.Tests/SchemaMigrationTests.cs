using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kubelike.Storage.Tests;

public sealed class SchemaMigrationTests
{
    [Test]
    public async Task Servers_starting_at_once_on_an_empty_database_apply_each_migration_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var opening = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => PostgresObjectStore.OpenAsync(connectionString, new PostgresStoreOptions(), NullLoggerFactory.Instance)))
            .ToArray();
        var stores = await Task.WhenAll(opening);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM kl_schema_migrations", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.That(reader.GetInt64(0), Is.GreaterThanOrEqualTo(1));
            Assert.That(reader.GetInt64(0), Is.EqualTo(reader.GetInt64(1)), "no migration recorded twice");

            // All four work on the one schema.
            var key = new ObjectKey("things", "", "shared");
            await stores[0].CreateAsync(key, "{}"u8.ToArray());
            Assert.That(await stores[3].GetAsync(key), Is.Not.Null);
        }
        finally
        {
            foreach (var store in stores)
                await store.DisposeAsync();
        }
    }

    [Test]
    public async Task Opening_an_unreachable_database_fails_fast_as_unavailable()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 5 }.ConnectionString;

        var error = Assert.ThrowsAsync<StorageException>(() => PostgresObjectStore.OpenAsync(connectionString, new PostgresStoreOptions(), NullLoggerFactory.Instance));

        Assert.That(error!.Code, Is.EqualTo(StorageErrorCode.Unavailable));
    }
}
