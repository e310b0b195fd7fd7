using System.Globalization;

namespace Kubelike.Benchmarks;

/// <summary>Prints the API scenario's tables.</summary>
internal static class ApiReportPrinter
{
    private const double KiB = 1024.0;

    public static void Print(TextWriter writer, BenchmarkOptions options, ApiReport report)
    {
        writer.WriteLine($"4. API server over HTTPS: kubelike server as a child process (embedded durable PostgreSQL), {report.Server}");
        writer.WriteLine("   HTTP/2 over TLS with the admin client certificate; closed-loop clients share one HTTP/2 connection;");
        writer.WriteLine($"   {Number(options.Duration.TotalSeconds, 1)} s per measurement after {Number(options.WarmUp.TotalSeconds, 1)} s warm-up; ConfigMaps of about {Payload.Size} bytes in namespace default");
        writer.WriteLine("   store = PostgresObjectStore.CreateAsync on the benchmark's own durable PostgreSQL, same concurrency; target: API create >= 40% of store at 32 clients");
        writer.WriteLine();
        var table = new TextTable("operation", "clients", "ops/s", "p50 ms", "p99 ms", "errors", "store ops/s", "p50 ms", "p99 ms", "API/store");
        foreach (var m in report.Operations)
        {
            table.Add(m.Operation, Integer(m.Clients), Number(m.Api.OpsPerSecond, 0), Number(m.Api.Latency.P50Ms, 2), Number(m.Api.Latency.P99Ms, 2), Integer(m.Api.Errors),
                m.Store is null ? "-" : Number(m.Store.OpsPerSecond, 0), m.Store is null ? "-" : Number(m.Store.Latency.P50Ms, 2),
                m.Store is null ? "-" : Number(m.Store.Latency.P99Ms, 2), Percent(m.ApiToStoreRatio));
        }
        table.Write(writer);
        foreach (var m in report.Operations.Where(m => m.Api.Errors + (m.Store?.Errors ?? 0) > 0))
            writer.WriteLine($"  ! {m.Operation}, {m.Clients} clients: {m.Api.Errors} API errors, {m.Store?.Errors ?? 0} store errors; first: {m.Api.FirstError ?? m.Store?.FirstError}");
        writer.WriteLine();

        writer.WriteLine("4b. Full unpaginated LIST over HTTP (send -> body read), median of the runs; target <= 1,000 ms");
        writer.WriteLine();
        var lists = new TextTable("objects", "kind", "format", "runs", "median ms", "min ms", "max ms", "response KiB");
        foreach (var m in report.Lists)
            lists.Add(Integer(m.Objects), m.Kind, m.Format, Integer(m.Runs), Number(m.MedianMs, 1), Number(m.MinMs, 1), Number(m.MaxMs, 1), Number(m.ResponseBytes / KiB, 0));
        lists.Write(writer);
        if (report.ListLoad is { } load)
        {
            writer.WriteLine($"  loaded {Integer(load.Objects)} {load.Kind}s (spec.nodeName unset) with {load.Concurrency} concurrent POSTs in {Number(load.Seconds, 1)} s ({Number(load.ObjectsPerSecond, 0)} objects/s)");
            if (load.Errors > 0)
                writer.WriteLine($"  ! {load.Errors} failed POSTs; first: {load.FirstError}");
        }
        writer.WriteLine();

        if (report.Churn is { } churn)
        {
            writer.WriteLine($"4c. Single-object GET and PUT from one client (one of each every {Number(1000 / churn.ChurnTargetRate, 0)} ms) for {Number(churn.Seconds, 1)} s,");
            writer.WriteLine($"    while a background loop creates ConfigMaps at {Number(churn.ChurnTargetRate, 0)}/s (achieved {Number(churn.ChurnAchievedRate, 1)}/s); target p99 <= 50 ms");
            writer.WriteLine();
            var calls = new TextTable("call", "samples", "p50 ms", "p99 ms", "max ms");
            calls.Add("GET", Integer(churn.Get.Count), Number(churn.Get.P50Ms, 2), Number(churn.Get.P99Ms, 2), Number(churn.Get.MaxMs, 2));
            calls.Add("PUT", Integer(churn.Update.Count), Number(churn.Update.P50Ms, 2), Number(churn.Update.P99Ms, 2), Number(churn.Update.MaxMs, 2));
            calls.Write(writer);
            if (churn.Errors + churn.ChurnErrors > 0)
                writer.WriteLine($"  ! {churn.Errors} failed measured calls, {churn.ChurnErrors} failed churn writes; first: {churn.FirstError}");
            writer.WriteLine();
        }

        if (report.Watch is { } watch)
        {
            writer.WriteLine($"4d. Watch fan-out over HTTP/2: {Integer(watch.Watchers)} watch streams on {watch.Connections} connections, {watch.Writes} ConfigMap creates at {Number(watch.TargetRate, 0)}/s");
            writer.WriteLine("    ack->recv: create response received -> watch line received (clamped at 0); req->recv: create sent -> line received");
            writer.WriteLine();
            var watches = new TextTable("watchers", "open s", "writes", "rate/s", "write p50 ms", "ack->recv p50 ms", "p99 ms", "req->recv p50 ms", "p99 ms", "deliveries", "missed");
            watches.Add(Integer(watch.Watchers), Number(watch.OpenSeconds, 1), Integer(watch.Writes), Number(watch.AchievedRate, 0), Number(watch.WriteLatency.P50Ms, 2),
                Number(watch.AckToReceive.P50Ms, 2), Number(watch.AckToReceive.P99Ms, 2), Number(watch.RequestToReceive.P50Ms, 2), Number(watch.RequestToReceive.P99Ms, 2),
                Integer(watch.Deliveries), Integer(watch.Missed));
            watches.Write(writer);
            if (watch.WriteErrors + watch.WatchErrors > 0)
                writer.WriteLine($"  ! {watch.WriteErrors} failed writes, {watch.WatchErrors} failed watches; first: {watch.FirstError}");
            writer.WriteLine();
        }
    }

    private static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "-" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Percent(double ratio) =>
        double.IsNaN(ratio) ? "-" : (ratio * 100).ToString("N0", CultureInfo.InvariantCulture) + "%";
}
