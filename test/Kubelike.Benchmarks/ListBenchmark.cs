using System.Diagnostics;
using System.Globalization;
using Kubelike.Storage;
using Kubelike.Storage.Postgres;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 3: listing a resource with many objects, unpaginated and as a paged walk (limit 500 with continue
/// tokens, as kubectl and informers do), with the time and memory each takes.
/// </summary>
internal sealed class ListBenchmark(BenchmarkOptions options, PostgresObjectStore store, TextWriter progress)
{
    /// <summary>Concurrent CreateAsync calls while loading: enough to fill the group-commit batches.</summary>
    private const int LoadConcurrency = 256;

    public async Task<(IReadOnlyList<ListLoad> Loads, IReadOnlyList<ListMeasurement> Lists)> RunAsync(CancellationToken cancellationToken)
    {
        var loads = new List<ListLoad>();
        var lists = new List<ListMeasurement>();
        foreach (var objects in options.ListSizes)
        {
            var resource = "benchlist" + objects.ToString(CultureInfo.InvariantCulture);
            progress.WriteLine($"list: loading {objects:N0} objects ...");
            loads.Add(await LoadAsync(resource, objects, cancellationToken));

            // The first page of a walk warms the list path (JIT, prepared statements) before anything is timed.
            await store.ListAsync(new ListRequest(resource, Limit: options.ListPageSize), cancellationToken);

            progress.WriteLine($"list: {objects:N0} objects, unpaginated ...");
            lists.Add(await MeasureAsync(objects, "unpaginated", 0, () => ListAllAsync(resource, cancellationToken)));
            progress.WriteLine($"list: {objects:N0} objects, pages of {options.ListPageSize} ...");
            lists.Add(await MeasureAsync(objects, "paged", options.ListPageSize, () => WalkAsync(resource, cancellationToken)));
        }
        return (loads, lists);
    }

    private async Task<ListLoad> LoadAsync(string resource, int objects, CancellationToken cancellationToken)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var loaders = Enumerable.Range(0, LoadConcurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < objects)
            {
                var key = new ObjectKey(resource, "default", "obj-" + i.ToString("D6", CultureInfo.InvariantCulture));
                await store.CreateAsync(key, Payload.Json, cancellationToken: cancellationToken);
            }
        }, cancellationToken));
        await Task.WhenAll(loaders);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ListLoad(objects, LoadConcurrency, seconds, objects / seconds);
    }

    private async Task<ListMeasurement> MeasureAsync(int objects, string mode, int pageSize, Func<Task<(int Pages, int Items, object Result)>> list)
    {
        var times = new List<double>();
        MemoryUsage? worst = null;
        var pages = 0;
        var items = 0;
        for (var repetition = 0; repetition < options.ListRepetitions; repetition++)
        {
            var probe = MemoryProbe.Start();
            var started = Stopwatch.GetTimestamp();
            var (resultPages, resultItems, result) = await list();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var memory = probe.Stop();
            // Held until after Stop so that the retained heap includes the result.
            GC.KeepAlive(result);
            (pages, items) = (resultPages, resultItems);
            if (items != objects)
                throw new InvalidOperationException($"a {mode} list of {objects} objects returned {items}");
            worst = worst is null ? memory : new MemoryUsage(
                Math.Max(worst.AllocatedBytes, memory.AllocatedBytes),
                Math.Max(worst.RetainedBytes, memory.RetainedBytes),
                Math.Max(worst.PeakWorkingSetGrowthBytes, memory.PeakWorkingSetGrowthBytes),
                Math.Max(worst.PeakWorkingSetBytes, memory.PeakWorkingSetBytes),
                worst.PeakWasReset && memory.PeakWasReset);
        }
        times.Sort();
        return new ListMeasurement(objects, mode, pageSize, pages, items, times.Count, times[times.Count / 2], times[0], times[^1], worst!);
    }

    private async Task<(int Pages, int Items, object Result)> ListAllAsync(string resource, CancellationToken cancellationToken)
    {
        var result = await store.ListAsync(new ListRequest(resource), cancellationToken);
        return (1, result.Items.Count, result);
    }

    /// <summary>Walks every page and, like a client that processes each page and lets it go, keeps only the count.</summary>
    private async Task<(int Pages, int Items, object Result)> WalkAsync(string resource, CancellationToken cancellationToken)
    {
        var pages = 0;
        var items = 0;
        string? next = null;
        do
        {
            var page = await store.ListAsync(new ListRequest(resource, Limit: options.ListPageSize, Continue: next), cancellationToken);
            pages++;
            items += page.Items.Count;
            next = page.Continue;
        }
        while (next is not null);
        return (pages, items, items);
    }
}
