using System.Diagnostics;
using System.Globalization;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 5: <c>kubectl apply</c> of a directory of 500 objects (Deployments, Services, ConfigMaps) against the real
/// <c>kubelike server</c> — first apply, unchanged re-apply, re-apply changing every object — and the server's
/// strategic merge patch and server-side apply of a Deployment under closed-loop clients.
/// </summary>
internal sealed class ApplyBenchmark(BenchmarkOptions options, TextWriter progress)
{
    public const string Namespace = "bench-apply";
    public static IReadOnlyList<int> ClientCounts { get; } = [1, 32];

    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromMinutes(10);

    public int Objects => options.Quick ? 150 : 500;

    public async Task<ApplyReport> RunAsync(CancellationToken cancellationToken)
    {
        progress.WriteLine("apply: starting kubelike server ...");
        await using var server = await ApiServerProcess.StartAsync(progress, cancellationToken);
        using var client = server.CreateHttpClient(TimeSpan.FromMinutes(5));
        await ApiObjects.SendAsync(client, HttpMethod.Post, "api/v1/namespaces", ApplyManifests.Content($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Namespace}}}"}}""", "application/json"), cancellationToken);

        var work = Directory.CreateTempSubdirectory("kubelike-bench-apply-").FullName;
        try
        {
            var kubectl = new KubectlTool(server.Kubeconfig, Path.Combine(work, "home"));
            var version = await kubectl.RunAsync(["version", "--client", "-o", "yaml"], KubectlTimeout, cancellationToken);
            var gitVersion = version.Stdout.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("gitVersion:", StringComparison.Ordinal))?["gitVersion:".Length..].Trim() ?? "?";

            // Warm kubectl's discovery and OpenAPI caches with a one-object apply, as any user's second command would have them.
            var warm = Path.Combine(work, "warm");
            ApplyManifests.WriteDirectory(warm, 1, 0);
            await kubectl.RunAsync(["apply", "-n", "default", "-f", warm], KubectlTimeout, cancellationToken);

            var runs = new List<KubectlApplyRun>();
            var first = Path.Combine(work, "revision-1");
            var second = Path.Combine(work, "revision-2");
            ApplyManifests.WriteDirectory(first, Objects, 1);
            ApplyManifests.WriteDirectory(second, Objects, 2);
            runs.Add(await ApplyDirectoryAsync(kubectl, "first apply (all created)", first, [], cancellationToken));
            runs.Add(await ApplyDirectoryAsync(kubectl, "re-apply, nothing changed", first, [], cancellationToken));
            runs.Add(await ApplyDirectoryAsync(kubectl, "re-apply, every object changed", second, [], cancellationToken));
            runs.Add(await ApplyDirectoryAsync(kubectl, "apply --server-side (takes over)", second, ["--server-side"], cancellationToken));
            runs.Add(await ApplyDirectoryAsync(kubectl, "apply --server-side again", second, ["--server-side"], cancellationToken));

            var operations = new List<ApiOperationMeasurement>();
            foreach (var clients in ClientCounts)
                operations.AddRange(await MeasurePatchAndApplyAsync(client, clients, cancellationToken));

            progress.WriteLine("apply: stopping kubelike server and removing its data ...");
            return new ApplyReport(server.BaseUrl.ToString(), gitVersion, runs, operations);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<KubectlApplyRun> ApplyDirectoryAsync(KubectlTool kubectl, string run, string directory, string[] extra, CancellationToken cancellationToken)
    {
        progress.WriteLine($"apply: kubectl apply {string.Join(' ', extra)} of {Objects} objects: {run} ...");
        var started = Stopwatch.GetTimestamp();
        var (exitCode, stdout, stderr) = await kubectl.RunAsync(["apply", "-n", Namespace, "-f", directory, .. extra], KubectlTimeout, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var firstError = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return new KubectlApplyRun(run, Objects, seconds,
            lines.Count(l => l.EndsWith(" created", StringComparison.Ordinal)),
            lines.Count(l => l.EndsWith(" configured", StringComparison.Ordinal) || l.EndsWith(" serverside-applied", StringComparison.Ordinal)),
            lines.Count(l => l.EndsWith(" unchanged", StringComparison.Ordinal)),
            exitCode, firstError);
    }

    /// <summary>Each client patches (then applies) its own Deployment, changing one env value each time, so every call is a real write.</summary>
    private async Task<IReadOnlyList<ApiOperationMeasurement>> MeasurePatchAndApplyAsync(HttpClient client, int clients, CancellationToken cancellationToken)
    {
        var tag = "c" + clients.ToString(CultureInfo.InvariantCulture);
        var deployments = $"apis/apps/v1/namespaces/{Namespace}/deployments";
        var names = Enumerable.Range(0, clients).Select(i => $"{tag}-patched-{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        foreach (var name in names)
            await ApiObjects.SendAsync(client, HttpMethod.Post, deployments, ApplyManifests.Content(ApplyManifests.DeploymentJson(name, "0"), "application/json"), cancellationToken);

        progress.WriteLine($"apply: strategic merge patch, {clients} clients ...");
        var patch = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, sequence) => ApiObjects.SendAsync(client, HttpMethod.Patch, $"{deployments}/{names[writer]}",
                ApplyManifests.Content(ApplyManifests.SmpBody(Value(sequence)), ApplyManifests.StrategicMergePatch), cancellationToken),
            cancellationToken);

        var applied = names.Select(n => n.Replace("-patched-", "-applied-", StringComparison.Ordinal)).ToArray();
        progress.WriteLine($"apply: server-side apply (each a change), {clients} clients ...");
        var apply = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, sequence) => ApiObjects.SendAsync(client, HttpMethod.Patch, $"{deployments}/{applied[writer]}?fieldManager=bench",
                ApplyManifests.Content(ApplyManifests.DeploymentJson(applied[writer], Value(sequence)), ApplyManifests.ApplyPatch), cancellationToken),
            cancellationToken);

        progress.WriteLine($"apply: server-side apply of an unchanged configuration (no write), {clients} clients ...");
        var noop = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, _) => ApiObjects.SendAsync(client, HttpMethod.Patch, $"{deployments}/{applied[writer]}?fieldManager=bench",
                ApplyManifests.Content(ApplyManifests.DeploymentJson(applied[writer], "steady"), ApplyManifests.ApplyPatch), cancellationToken),
            cancellationToken);

        return
        [
            new ApiOperationMeasurement("strategic merge patch", clients, patch, null),
            new ApiOperationMeasurement("server-side apply", clients, apply, null),
            new ApiOperationMeasurement("server-side apply, unchanged", clients, noop, null),
        ];
    }

    private static string Value(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
