using System.Globalization;

namespace Kubelike.Benchmarks;

/// <summary>Prints each scenario's figures as a table as soon as the scenario is done.</summary>
internal static class ReportPrinter
{
    private const double MiB = 1024.0 * 1024.0;

    public static void PrintHeader(TextWriter writer, BenchmarkOptions options, MachineFacts machine)
    {
        writer.WriteLine($"Kubelike storage benchmark ({(options.Quick ? "quick" : "full")} run, {Number(options.Duration.TotalSeconds, 1)} s per measurement, {Number(options.WarmUp.TotalSeconds, 1)} s warm-up)");
        writer.WriteLine();
        writer.WriteLine("Machine");
        Fact(writer, "cores", $"{machine.Cores} ({machine.Cpu})");
        Fact(writer, "memory", $"{Number(machine.MemoryGiB, 1)} GiB");
        Fact(writer, "OS", machine.OperatingSystem);
        Fact(writer, "runtime", $"{machine.Runtime}, {machine.GcMode} GC");
        Fact(writer, "PostgreSQL", machine.PostgresVersion);
        Fact(writer, "fsync", machine.Fsync);
        Fact(writer, "synchronous_commit", machine.SynchronousCommit);
        Fact(writer, "full_page_writes", machine.FullPageWrites);
        Fact(writer, "wal_sync_method", machine.WalSyncMethod);
        Fact(writer, "max_connections", machine.MaxConnections);
        Fact(writer, "shared_buffers", machine.SharedBuffers);
        Fact(writer, "data directory", machine.DataDirectory);
        Fact(writer, "filesystem", machine.DataFilesystem);
        Fact(writer, "load average", $"{machine.LoadAverage} (1/5/15 min, at start)");
        writer.WriteLine();
    }

    public static void PrintCreate(TextWriter writer, BenchmarkOptions options, IReadOnlyList<CreateMeasurement> measurements)
    {
        writer.WriteLine($"1. Create throughput: {Payload.Size}-byte JSON values, distinct keys, closed-loop writers, {Number(options.Duration.TotalSeconds, 1)} s after {Number(options.WarmUp.TotalSeconds, 1)} s warm-up");
        writer.WriteLine("   store = PostgresObjectStore.CreateAsync; raw = single-row autocommit INSERT INTO raw_bench(k text primary key, v bytea), one connection per writer");
        writer.WriteLine();
        var table = new TextTable("writers", "store ops/s", "p50 ms", "p99 ms", "raw ops/s", "p50 ms", "p99 ms", "store/raw");
        foreach (var m in measurements)
        {
            table.Add(Integer(m.Writers), Number(m.Store.OpsPerSecond, 0), Number(m.Store.Latency.P50Ms, 2), Number(m.Store.Latency.P99Ms, 2),
                Number(m.Raw.OpsPerSecond, 0), Number(m.Raw.Latency.P50Ms, 2), Number(m.Raw.Latency.P99Ms, 2), Percent(m.StoreToRawRatio));
        }
        table.Write(writer);
        foreach (var m in measurements.Where(m => m.Store.Errors + m.Raw.Errors > 0))
            writer.WriteLine($"  ! {m.Writers} writers: {m.Store.Errors} store errors, {m.Raw.Errors} raw errors; first: {m.Store.FirstError ?? m.Raw.FirstError}");
        writer.WriteLine();
    }

    public static void PrintWatch(TextWriter writer, BenchmarkOptions options, IReadOnlyList<WatchMeasurement> measurements)
    {
        writer.WriteLine($"2. Watch delivery latency: paced writes at {options.WatchWriteRate}/s for {Number(options.Duration.TotalSeconds, 1)} s from a separate writer task, every watcher on the same resource");
        writer.WriteLine("   ack->recv: CreateAsync returned -> watcher received (clamped at 0); req->recv: CreateAsync called -> watcher received");
        writer.WriteLine("   server: same = watchers on the writing store instance; second = watchers on another instance over the same database (NOTIFY)");
        writer.WriteLine();
        var table = new TextTable("watchers", "server", "writes", "rate/s", "write p50 ms", "ack->recv p50 ms", "p99 ms", "req->recv p50 ms", "p99 ms", "deliveries", "recv before ack", "missed");
        foreach (var m in measurements)
        {
            table.Add(Integer(m.Watchers), m.WatchServer, Integer(m.Writes), Number(m.AchievedRate, 0), Number(m.WriteLatency.P50Ms, 2),
                Number(m.AckToReceive.P50Ms, 2), Number(m.AckToReceive.P99Ms, 2), Number(m.RequestToReceive.P50Ms, 2), Number(m.RequestToReceive.P99Ms, 2),
                Integer(m.Deliveries), $"{Integer(m.ReceivedBeforeAck)} ({Percent(m.Deliveries > 0 ? (double)m.ReceivedBeforeAck / m.Deliveries : double.NaN)})",
                Integer(m.Missed));
        }
        table.Write(writer);
        foreach (var m in measurements.Where(m => m.WriteErrors > 0 || m.WatchersClosed > 0))
            writer.WriteLine($"  ! {m.Watchers} watchers ({m.WatchServer}): {m.WriteErrors} failed writes, {m.WatchersClosed} watches closed by the store; first: {m.FirstWatchError}");
        writer.WriteLine();
    }

    public static void PrintList(TextWriter writer, IReadOnlyList<ListLoad> loads, IReadOnlyList<ListMeasurement> lists)
    {
        writer.WriteLine($"3. List: {Payload.Size}-byte objects in one resource; time is the median of the runs; memory is the largest of them");
        writer.WriteLine("   allocated = managed bytes allocated during the list; retained = live managed heap growth with the result held;");
        writer.WriteLine("   peak WS +MiB = process peak working set during the list minus the working set before it (peak reset via /proc/self/clear_refs); peak WS MiB = the peak itself");
        writer.WriteLine();
        var table = new TextTable("objects", "mode", "pages", "runs", "median ms", "min ms", "max ms", "allocated MiB", "retained MiB", "peak WS +MiB", "peak WS MiB");
        foreach (var m in lists)
        {
            table.Add(Integer(m.Objects), m.PageSize > 0 ? $"paged, limit {m.PageSize}" : m.Mode, Integer(m.Pages), Integer(m.Repetitions),
                Number(m.MedianMs, 1), Number(m.MinMs, 1), Number(m.MaxMs, 1),
                Number(m.Memory.AllocatedBytes / MiB, 1), Number(m.Memory.RetainedBytes / MiB, 1),
                Number(m.Memory.PeakWorkingSetGrowthBytes / MiB, 1) + (m.Memory.PeakWasReset ? "" : " (not reset)"),
                Number(m.Memory.PeakWorkingSetBytes / MiB, 1));
        }
        table.Write(writer);
        foreach (var load in loads)
            writer.WriteLine($"  loaded {Integer(load.Objects)} objects with {load.Concurrency} concurrent CreateAsync calls in {Number(load.Seconds, 1)} s ({Number(load.ObjectsPerSecond, 0)} objects/s)");
        writer.WriteLine();
    }

    private static void Fact(TextWriter writer, string name, string value) => writer.WriteLine($"  {name,-20} {value}");

    private static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "-" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Percent(double ratio) =>
        double.IsNaN(ratio) ? "-" : (ratio * 100).ToString("N0", CultureInfo.InvariantCulture) + "%";
}
