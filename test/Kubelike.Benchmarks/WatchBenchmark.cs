using System.Diagnostics;
using System.Globalization;
using Kubelike.Storage;
using Kubelike.Storage.Postgres;
using Microsoft.Extensions.Logging;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 2: commit-to-delivery latency with many watchers of one resource under a steady, paced write load.
/// The writer runs open-loop (each write is issued on schedule whether or not the previous one returned), so
/// the rate holds even when a commit is slow.
/// </summary>
internal sealed class WatchBenchmark(
    BenchmarkOptions options, BenchmarkDatabase database, PostgresObjectStore store, ILoggerFactory loggerFactory, TextWriter progress)
{
    private const string Namespace = "default";

    /// <summary>How long watchers may take after the last write before the missing events count as missed.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private int _cases;

    public async Task<IReadOnlyList<WatchMeasurement>> RunAsync(CancellationToken cancellationToken)
    {
        // Warm the write and delivery paths (JIT, pools, prepared statements); the result is not reported.
        progress.WriteLine("watch: warm-up ...");
        await MeasureAsync(10, store, "warm-up", options.WatchWriteRate, cancellationToken);

        var writes = (int)Math.Round(options.WatchWriteRate * options.Duration.TotalSeconds);
        var measurements = new List<WatchMeasurement>();
        foreach (var watchers in options.WatcherCounts)
        {
            progress.WriteLine($"watch: {watchers} watchers on the writing store, {writes} writes at {options.WatchWriteRate}/s ...");
            measurements.Add(await MeasureAsync(watchers, store, "same", writes, cancellationToken));
        }

        // A second store instance over the same database is a second server: it learns of the writes
        // through NOTIFY and reads them from kl_events.
        await using var second = await PostgresObjectStore.OpenAsync(database.ConnectionString, new PostgresStoreOptions(), loggerFactory, cancellationToken);
        progress.WriteLine($"watch: {options.CrossServerWatchers} watchers on a second store, {writes} writes at {options.WatchWriteRate}/s ...");
        measurements.Add(await MeasureAsync(options.CrossServerWatchers, second, "second", writes, cancellationToken));
        return measurements;
    }

    private async Task<WatchMeasurement> MeasureAsync(int watcherCount, PostgresObjectStore watchStore, string server, int writes, CancellationToken cancellationToken)
    {
        var resource = "benchwatch" + (_cases++).ToString(CultureInfo.InvariantCulture);
        var requested = new long[writes];
        var acknowledged = new long[writes];
        var runs = new WatcherRun[watcherCount];

        var after = (await store.GetRevisionsAsync(cancellationToken)).Current;
        for (var i = 0; i < watcherCount; i++)
            runs[i] = new WatcherRun(await watchStore.WatchAsync(new WatchRequest(resource, null, after), cancellationToken), writes);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = runs.Select(run => Task.Run(() => run.ReceiveAsync(stop.Token), CancellationToken.None)).ToArray();
        // Writes start once every watcher is waiting for events, so no latency includes a reader starting up.
        while (runs.Any(run => !run.Started))
            await Task.Delay(10, cancellationToken);
        await Task.Delay(200, cancellationToken);

        var writeErrors = await WritePacedAsync(resource, requested, acknowledged, cancellationToken);

        try
        {
            await Task.WhenAll(readers).WaitAsync(DrainTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }
        foreach (var run in runs)
            await run.Watch.DisposeAsync();

        return Summarise(watcherCount, server, writes, writeErrors, requested, acknowledged, runs);
    }

    /// <summary>Issues write i at start + i/rate; returns the number of failed writes.</summary>
    private async Task<int> WritePacedAsync(string resource, long[] requested, long[] acknowledged, CancellationToken cancellationToken)
    {
        var errors = 0;
        var pending = new Task[requested.Length];
        var start = Stopwatch.GetTimestamp();
        var ticksPerWrite = (double)Stopwatch.Frequency / options.WatchWriteRate;
        for (var i = 0; i < requested.Length; i++)
        {
            var wait = start + (long)(i * ticksPerWrite) - Stopwatch.GetTimestamp();
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
            pending[i] = WriteOneAsync(i);
        }
        await Task.WhenAll(pending);
        return errors;

        async Task WriteOneAsync(int sequence)
        {
            var key = new ObjectKey(resource, Namespace, "o" + sequence.ToString(CultureInfo.InvariantCulture));
            requested[sequence] = Stopwatch.GetTimestamp();
            try
            {
                await store.CreateAsync(key, Payload.Json, cancellationToken: cancellationToken);
                acknowledged[sequence] = Stopwatch.GetTimestamp();
            }
            catch (StorageException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }

    private WatchMeasurement Summarise(int watcherCount, string server, int writes, int writeErrors, long[] requested, long[] acknowledged, WatcherRun[] runs)
    {
        var ackToReceive = new List<long>(watcherCount * writes);
        var requestToReceive = new List<long>(watcherCount * writes);
        long early = 0, missed = 0;
        foreach (var run in runs)
        {
            for (var i = 0; i < writes; i++)
            {
                if (acknowledged[i] == 0)
                    continue;
                var received = run.Received[i];
                if (received == 0)
                {
                    missed++;
                    continue;
                }
                var sinceAck = received - acknowledged[i];
                if (sinceAck < 0)
                {
                    // The watcher got the event before the writer's continuation ran.
                    early++;
                    sinceAck = 0;
                }
                ackToReceive.Add(sinceAck);
                requestToReceive.Add(received - requested[i]);
            }
        }

        var writeLatency = Enumerable.Range(0, writes).Where(i => acknowledged[i] != 0).Select(i => acknowledged[i] - requested[i]).ToArray();
        var span = (double)(requested[^1] - requested[0]) / Stopwatch.Frequency;
        var closed = runs.Where(run => run.Error is not null).ToList();
        return new WatchMeasurement(
            watcherCount,
            server,
            writes,
            writeErrors,
            options.WatchWriteRate,
            span > 0 ? (writes - 1) / span : double.NaN,
            LatencySummary.FromTicks(writeLatency),
            LatencySummary.FromTicks([.. ackToReceive]),
            LatencySummary.FromTicks([.. requestToReceive]),
            ackToReceive.Count,
            early,
            missed,
            closed.Count,
            closed.FirstOrDefault()?.Error);
    }
}
