using System.Diagnostics;

namespace Kubelike.Benchmarks;

/// <summary>
/// Runs a fixed number of writers, each awaiting its own operation in a loop, for a warm-up and then a measured
/// window. Throughput counts operations that completed inside the window; latency covers operations that
/// started inside it.
/// </summary>
internal static class ClosedLoopDriver
{
    /// <param name="operation">Called as (writer, sequence number of that writer's operation).</param>
    public static async Task<ThroughputResult> RunAsync(
        int writers, TimeSpan warmUp, TimeSpan duration, Func<int, long, Task> operation, CancellationToken cancellationToken)
    {
        var measureStart = Stopwatch.GetTimestamp() + ToTicks(warmUp);
        var measureEnd = measureStart + ToTicks(duration);
        var perWriter = new WriterTally[writers];
        var tasks = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            var tally = perWriter[w] = new WriterTally();
            tasks[w] = Task.Run(async () =>
            {
                for (long sequence = 0; !cancellationToken.IsCancellationRequested; sequence++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (started >= measureEnd)
                        return;
                    try
                    {
                        await operation(writer, sequence);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        tally.Errors++;
                        tally.FirstError ??= exception.Message;
                        continue;
                    }
                    var finished = Stopwatch.GetTimestamp();
                    if (finished >= measureStart && finished < measureEnd)
                        tally.Completed++;
                    if (started >= measureStart)
                        tally.Latencies.Add(finished - started);
                }
            }, cancellationToken);
        }
        await Task.WhenAll(tasks);
        cancellationToken.ThrowIfCancellationRequested();

        var latencies = perWriter.SelectMany(t => t.Latencies).ToArray();
        var completed = perWriter.Sum(t => t.Completed);
        var seconds = duration.TotalSeconds;
        return new ThroughputResult(
            completed,
            seconds,
            completed / seconds,
            LatencySummary.FromTicks(latencies),
            perWriter.Sum(t => t.Errors),
            perWriter.Select(t => t.FirstError).FirstOrDefault(e => e is not null));
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Touched only by its own writer, so no synchronisation in the loop.</summary>
    private sealed class WriterTally
    {
        public List<long> Latencies { get; } = new(4096);
        public long Completed { get; set; }
        public long Errors { get; set; }
        public string? FirstError { get; set; }
    }
}
