using System.Globalization;
using Kubelike.Storage;
using Kubelike.Storage.Postgres;
using Npgsql;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 1: closed-loop CreateAsync throughput of the store at several concurrencies, each next to the raw
/// ceiling of the same database: as many writers doing single-row autocommit INSERTs of the same payload,
/// each on its own connection.
/// </summary>
internal sealed class CreateBenchmark(BenchmarkOptions options, BenchmarkDatabase database, PostgresObjectStore store, TextWriter progress)
{
    private const string Resource = "benchcreates";

    public async Task<IReadOnlyList<CreateMeasurement>> RunAsync(CancellationToken cancellationToken)
    {
        await CreateRawTableAsync(cancellationToken);
        var measurements = new List<CreateMeasurement>();
        foreach (var writers in options.WriterCounts)
        {
            // Side by side: store then raw at the same concurrency, each after a checkpoint so neither
            // inherits the other's pending one.
            await database.CheckpointAsync(cancellationToken);
            progress.WriteLine($"create: store, {writers} writers ...");
            var storeResult = await MeasureStoreAsync(writers, cancellationToken);
            await database.CheckpointAsync(cancellationToken);
            progress.WriteLine($"create: raw INSERT, {writers} writers ...");
            var rawResult = await MeasureRawAsync(writers, cancellationToken);
            measurements.Add(new CreateMeasurement(writers, storeResult, rawResult));
        }
        return measurements;
    }

    private Task<ThroughputResult> MeasureStoreAsync(int writers, CancellationToken cancellationToken)
    {
        var ns = "c" + writers.ToString(CultureInfo.InvariantCulture);
        var payload = Payload.Json;
        return ClosedLoopDriver.RunAsync(writers, options.WarmUp, options.Duration,
            (writer, sequence) => store.CreateAsync(new ObjectKey(Resource, ns, Name(writer, sequence)), payload, cancellationToken: cancellationToken),
            cancellationToken);
    }

    private async Task<ThroughputResult> MeasureRawAsync(int writers, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxPoolSize = Math.Max(64, writers),
            ApplicationName = "kubelike-bench-raw",
        };
        await using var dataSource = NpgsqlDataSource.Create(builder);
        var connections = new NpgsqlConnection[writers];
        var commands = new NpgsqlCommand[writers];
        var keys = new NpgsqlParameter<string>[writers];
        var prefix = "r" + writers.ToString(CultureInfo.InvariantCulture) + "-";
        try
        {
            for (var w = 0; w < writers; w++)
            {
                connections[w] = await dataSource.OpenConnectionAsync(cancellationToken);
                var command = commands[w] = new NpgsqlCommand("INSERT INTO raw_bench (k, v) VALUES ($1, $2)", connections[w]);
                command.Parameters.Add(keys[w] = new NpgsqlParameter<string> { TypedValue = "" });
                command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Payload.Json });
                await command.PrepareAsync(cancellationToken);
            }

            return await ClosedLoopDriver.RunAsync(writers, options.WarmUp, options.Duration,
                (writer, sequence) =>
                {
                    keys[writer].TypedValue = prefix + Name(writer, sequence);
                    return commands[writer].ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
        finally
        {
            foreach (var command in commands)
            {
                if (command is not null)
                    await command.DisposeAsync();
            }
            foreach (var connection in connections)
            {
                if (connection is not null)
                    await connection.DisposeAsync();
            }
        }
    }

    private async Task CreateRawTableAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS raw_bench (k text PRIMARY KEY, v bytea)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Name(int writer, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"w{writer}-{sequence}");
}
