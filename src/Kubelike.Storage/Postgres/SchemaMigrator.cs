using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// Applies the embedded SQL migrations (Migrations/NNNN_name.sql) in order, each at most once.
/// The whole run holds a transaction-scoped advisory lock, so two servers starting at once apply them once.
/// </summary>
internal static class SchemaMigrator
{
    // An arbitrary constant naming Kubelike's migration lock ("kubelike" in ASCII).
    private const long MigrationLockId = 0x6b7562656c696b65;

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        var migrations = LoadMigrations();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockId})", cancellationToken);
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS kl_schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM kl_schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                applied.Add(reader.GetInt32(0));
        }

        var newlyApplied = 0;
        foreach (var (version, name, sql) in migrations)
        {
            if (applied.Contains(version))
                continue;
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO kl_schema_migrations (version, name) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied++;
            logger.LogInformation("storage: applied migration {Version:D4} {Name}", version, name);
        }
        await transaction.CommitAsync(cancellationToken);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        logger.LogInformation("storage: schema at version {Version} ({New} migration(s) applied now)", latest, newlyApplied);
        return newlyApplied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int Version, string Name, string Sql)> LoadMigrations()
    {
        const string prefix = "Kubelike.Storage.Migrations.";
        var assembly = typeof(SchemaMigrator).Assembly;
        var result = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var fileName = resource[prefix.Length..^".sql".Length];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture);
            result.Add((version, fileName[(underscore + 1)..], ReadResource(assembly, resource)));
        }
        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded migration {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
