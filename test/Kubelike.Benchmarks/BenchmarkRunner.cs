using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging;

namespace Kubelike.Benchmarks;

/// <summary>Starts PostgreSQL and a store, runs the chosen scenarios one after another, prints and saves the figures.</summary>
internal static class BenchmarkRunner
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Version strings such as "15.18 (Debian 15.18-0+deb12u1)" stay readable; the file is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // NaN marks a figure that could not be computed (no samples); JSON has no NaN of its own.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        using var loggerFactory = new StderrLoggerFactory(options.Verbose ? LogLevel.Information : LogLevel.Warning);

        progress.WriteLine("bench: starting a durable PostgreSQL in a temporary directory ...");
        await using var database = await BenchmarkDatabase.StartAsync(loggerFactory, cancellationToken);
        var machine = await MachineFacts.CollectAsync(database.ConnectionString, database.DataDirectory, cancellationToken);
        ReportPrinter.PrintHeader(output, options, machine);

        await using var store = await PostgresObjectStore.OpenAsync(database.ConnectionString, new PostgresStoreOptions(), loggerFactory, cancellationToken);

        IReadOnlyList<CreateMeasurement>? create = null;
        if (options.Runs("create"))
        {
            create = await new CreateBenchmark(options, database, store, progress).RunAsync(cancellationToken);
            ReportPrinter.PrintCreate(output, options, create);
        }

        IReadOnlyList<WatchMeasurement>? watch = null;
        if (options.Runs("watch"))
        {
            await database.CheckpointAsync(cancellationToken);
            watch = await new WatchBenchmark(options, database, store, loggerFactory, progress).RunAsync(cancellationToken);
            ReportPrinter.PrintWatch(output, options, watch);
        }

        IReadOnlyList<ListLoad>? loads = null;
        IReadOnlyList<ListMeasurement>? lists = null;
        if (options.Runs("list"))
        {
            await database.CheckpointAsync(cancellationToken);
            (loads, lists) = await new ListBenchmark(options, store, progress).RunAsync(cancellationToken);
            ReportPrinter.PrintList(output, loads, lists);
        }

        ApiReport? api = null;
        if (options.Runs("api"))
        {
            await database.CheckpointAsync(cancellationToken);
            api = await new ApiBenchmark(options, database, store, progress).RunAsync(cancellationToken);
            ApiReportPrinter.Print(output, options, api);
        }

        ApplyReport? apply = null;
        if (options.Runs("apply"))
        {
            await database.CheckpointAsync(cancellationToken);
            apply = await new ApplyBenchmark(options, progress).RunAsync(cancellationToken);
            ApplyReportPrinter.Print(output, options, apply);
        }

        SchedulingReport? scheduling = null;
        if (options.Runs("scheduling"))
        {
            await database.CheckpointAsync(cancellationToken);
            scheduling = await new SchedulingBenchmark(options, progress).RunAsync(cancellationToken);
            SchedulingBenchmark.Print(output, scheduling);
        }

        PodStartupReport? podStartup = null;
        if (options.Runs("podstartup"))
        {
            podStartup = await new PodStartupBenchmark(options, progress, loggerFactory).RunAsync(cancellationToken);
            PodStartupBenchmark.Print(output, podStartup);
        }

        var loadAtEnd = MachineFacts.ReadLoadAverage();
        output.WriteLine($"load average at end: {loadAtEnd} (1/5/15 min)");
        if (options.JsonPath is not null)
        {
            var report = new BenchmarkReport(startedAt, options.Quick ? "quick" : "full", options.Duration.TotalSeconds, options.WarmUp.TotalSeconds,
                machine, create, watch, loads, lists, api, apply, scheduling, podStartup, loadAtEnd);
            await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(report, JsonOptions) + Environment.NewLine, cancellationToken);
            progress.WriteLine($"bench: figures written to {options.JsonPath}");
        }

        progress.WriteLine("bench: stopping PostgreSQL and removing its directory ...");
        return 0;
    }
}
