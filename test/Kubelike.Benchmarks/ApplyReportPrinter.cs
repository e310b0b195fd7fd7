using System.Globalization;

namespace Kubelike.Benchmarks;

/// <summary>Prints the apply scenario's tables.</summary>
internal static class ApplyReportPrinter
{
    public static void Print(TextWriter writer, BenchmarkOptions options, ApplyReport report)
    {
        writer.WriteLine($"5. kubectl apply and server-side patch/apply: kubelike server as a child process (embedded durable PostgreSQL), {report.Server}");
        writer.WriteLine($"   kubectl {report.Kubectl} with warm discovery/OpenAPI caches; a directory of one YAML file per object, in turn Deployment (2 containers), Service (2 ports), ConfigMap");
        writer.WriteLine();
        var runs = new TextTable("kubectl apply -f DIR", "objects", "wall s", "objects/s", "created", "configured", "unchanged", "exit");
        foreach (var run in report.KubectlRuns)
        {
            runs.Add(run.Run, Integer(run.Objects), Number(run.Seconds, 2), Number(run.Objects / run.Seconds, 0), Integer(run.Created), Integer(run.Configured),
                Integer(run.Unchanged), Integer(run.ExitCode));
        }
        runs.Write(writer);
        foreach (var run in report.KubectlRuns.Where(r => r.ExitCode != 0))
            writer.WriteLine($"  ! {run.Run}: exit code {run.ExitCode}; first error: {run.FirstError}");
        writer.WriteLine();

        writer.WriteLine($"5b. PATCH of a Deployment over HTTP/2 (admin client certificate), each client on its own Deployment, closed loop,");
        writer.WriteLine($"    {Number(options.Duration.TotalSeconds, 1)} s per measurement after {Number(options.WarmUp.TotalSeconds, 1)} s warm-up; the patch and the first apply change one env value every call");
        writer.WriteLine();
        var table = new TextTable("operation", "clients", "ops/s", "p50 ms", "p99 ms", "max ms", "errors");
        foreach (var m in report.Operations)
            table.Add(m.Operation, Integer(m.Clients), Number(m.Api.OpsPerSecond, 0), Number(m.Api.Latency.P50Ms, 2), Number(m.Api.Latency.P99Ms, 2), Number(m.Api.Latency.MaxMs, 2), Integer(m.Api.Errors));
        table.Write(writer);
        foreach (var m in report.Operations.Where(m => m.Api.Errors > 0))
            writer.WriteLine($"  ! {m.Operation}, {m.Clients} clients: {m.Api.Errors} errors; first: {m.Api.FirstError}");
        writer.WriteLine();
    }

    private static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
