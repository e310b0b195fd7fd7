using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Client.Watch;
using Kubelike.Node.Hollow;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 5: the real <c>kubelike server</c> (API, controllers, scheduler) with N hollow nodes in this process:
/// pods created through Deployments are bound by the scheduler and made Running by the hollow nodes. Reports how fast
/// the nodes become Ready, scheduler throughput (pods bound per second), creation to Running, API latency of a
/// probe during the run, and the server's memory.
/// </summary>
internal sealed class SchedulingBenchmark(BenchmarkOptions options, TextWriter progress)
{
    private const string Namespace = "bench";
    private const string DirectNamespace = "bench-direct";
    private const int DirectCreators = 32;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, PodTimes> _pods = new(StringComparer.Ordinal);

    public async Task<SchedulingReport> RunAsync(CancellationToken cancellationToken)
    {
        var nodeCount = options.HollowNodes;
        var deployments = options.Deployments;
        var podsPerDeployment = Math.Max(1, options.SchedulingPods / deployments);
        var podCount = podsPerDeployment * deployments;
        var decisions = MeasureDecisions(nodeCount, podCount, deployments);
        progress.WriteLine($"scheduling: {decisions:0} decisions/s in process (filter + score + assume, {nodeCount} nodes, no API)");
        progress.WriteLine("scheduling: starting kubelike server ...");
        await using var server = await ApiServerProcess.StartAsync(progress, cancellationToken);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(server.Kubeconfig));
        var loadBefore = MachineFacts.ReadLoadAverage();

        progress.WriteLine($"scheduling: starting {nodeCount} hollow nodes ...");
        var stopwatch = Stopwatch.StartNew();
        var nodes = new HollowNode[nodeCount];
        using (var gate = new SemaphoreSlim(20))
        {
            await Task.WhenAll(Enumerable.Range(0, nodeCount).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    nodes[i] = await HollowNode.StartAsync(client, new HollowNodeOptions
                    {
                        NodeName = $"hollow-{i.ToString("D4", CultureInfo.InvariantCulture)}",
                        AddressIndex = i,
                    }, cancellationToken: cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var nodesReady = stopwatch.Elapsed;
        try
        {
            await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = Namespace } }, cancellationToken: cancellationToken);
            await client.Resource<ConfigMap>().CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "probe", Namespace = Namespace }, Data = new Dictionary<string, string> { ["n"] = "0" } }, cancellationToken: cancellationToken);

            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watch = Task.Run(() => WatchPodsAsync(client, running.Token), CancellationToken.None);
            var gets = new ConcurrentBag<long>();
            var updates = new ConcurrentBag<long>();
            var probe = Task.Run(() => ProbeAsync(client, gets, updates, running.Token), CancellationToken.None);

            progress.WriteLine($"scheduling: creating {deployments} deployments of {podsPerDeployment} replicas ({podCount:N0} pods) ...");
            var start = Stopwatch.GetTimestamp();
            using (var gate = new SemaphoreSlim(10))
            {
                await Task.WhenAll(Enumerable.Range(0, deployments).Select(async i =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        await client.Resource<Deployment>().CreateAsync(NewDeployment($"app-{i.ToString("D3", CultureInfo.InvariantCulture)}", podsPerDeployment), cancellationToken: cancellationToken);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            var deadline = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            while (Phase(Namespace).Count(p => p.Running > 0) < podCount && deadline.Elapsed < RunTimeout)
            {
                await Task.Delay(200, cancellationToken);
                if (deadline.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
                {
                    lastReport = deadline.Elapsed;
                    Report(deadline.Elapsed, Namespace);
                }
            }

            var (directRate, directWindow, directCreateRate) = await RunDirectPhaseAsync(client, nodes, podCount, cancellationToken);
            await running.CancelAsync();
            await Task.WhenAll(watch, probe);
            var (rss, peak) = ServerMemory(server.ProcessId);
            var pods = Phase(Namespace);
            var bound = pods.Where(p => p.Bound > 0).Select(p => p.Bound).Order().ToList();
            var firstBind = bound.Count > 0 ? bound[0] : start;
            var lastBind = bound.Count > 0 ? bound[^1] : start;
            var window = Seconds(lastBind - firstBind);
            var peakRate = bound.GroupBy(t => (long)Seconds(t - start)).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            var lastRunning = pods.Where(p => p.Running > 0).Select(p => p.Running).DefaultIfEmpty(start).Max();
            return new SchedulingReport(
                nodeCount, deployments, podCount, nodesReady.TotalSeconds,
                Seconds(lastBind - start), window, window > 0 ? bound.Count / window : double.NaN, peakRate,
                Seconds(lastRunning - start),
                LatencySummary.FromTicks([.. pods.Where(p => p.Bound > 0 && p.Seen > 0).Select(p => p.Bound - p.Seen)]),
                LatencySummary.FromTicks([.. pods.Where(p => p.Running > 0 && p.Seen > 0).Select(p => p.Running - p.Seen)]),
                LatencySummary.FromTicks([.. gets]), LatencySummary.FromTicks([.. updates]),
                rss, peak, loadBefore, MachineFacts.ReadLoadAverage(), podCount - pods.Count(p => p.Running > 0),
                podCount, directCreateRate, directRate, directWindow, decisions);
        }
        finally
        {
            progress.WriteLine("scheduling: stopping hollow nodes and the server ...");
            await Task.WhenAll(nodes.Where(n => n is not null).Select(n => n.DisposeAsync().AsTask()));
        }
    }

    /// <summary>The scheduler's own cost: decisions per second over a cache of hollow-sized nodes, with no API in the way.</summary>
    private static double MeasureDecisions(int nodeCount, int podCount, int deployments)
    {
        var cache = new Kubelike.Controllers.Scheduling.SchedulerCache();
        for (var i = 0; i < nodeCount; i++)
        {
            cache.UpsertNode(new Api.Core.V1.Node
            {
                Metadata = new ObjectMeta { Name = $"node-{i}", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = $"node-{i}" } },
                Spec = new NodeSpec(),
                Status = new NodeStatus
                {
                    Allocatable = new Dictionary<string, Api.Primitives.Quantity>(HollowNodeOptions.DefaultCapacity),
                    Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
                },
            });
        }

        var template = NewDeployment("x", 1).Spec!.Template!.Spec!;
        var pods = Enumerable.Range(0, podCount).Select(i => Kubelike.Controllers.Scheduling.PodInfo.Of(new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = $"p{i}",
                Namespace = "ns",
                Uid = $"uid-{i}",
                OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "rs", Uid = $"rs-{i % deployments}", Controller = true }],
            },
            Spec = template,
        })).ToList();
        var stopwatch = Stopwatch.StartNew();
        foreach (var pod in pods)
        {
            var (node, _) = Kubelike.Controllers.Scheduling.NodeSelection.Select(cache, pod);
            if (node is not null)
                cache.Assume(pod, node);
        }

        return pods.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private List<PodTimes> Phase(string ns) => [.. _pods.Values.Where(p => p.Namespace == ns)];

    private void Report(TimeSpan elapsed, string ns)
    {
        var pods = Phase(ns);
        progress.WriteLine($"scheduling: {ns}: {elapsed.TotalSeconds:0}s: {pods.Count:N0} pods seen, {pods.Count(p => p.Bound > 0):N0} bound, "
            + $"{pods.Count(p => p.Running > 0):N0} running; load {MachineFacts.ReadLoadAverage()}");
    }

    /// <summary>
    /// The scheduler with a backlog, as upstream's scheduler_perf measures it: every node is cordoned, bare pods are
    /// created as fast as <see cref="DirectCreators"/> clients can (the scheduler marks them Unschedulable), then all
    /// nodes are uncordoned at once and the pods bound per second from then on are the scheduler's own rate, binding
    /// writes and the hollow nodes' status updates included. Returns that rate, the binding window and the creation rate.
    /// </summary>
    private async Task<(double BindRate, double Window, double CreateRate)> RunDirectPhaseAsync(
        KubernetesClient client, HollowNode[] nodes, int count, CancellationToken cancellationToken)
    {
        progress.WriteLine($"scheduling: cordoning {nodes.Length} nodes, creating {count:N0} bare pods with {DirectCreators} clients ...");
        await SetUnschedulableAsync(client, nodes, true, cancellationToken);
        await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = DirectNamespace } }, cancellationToken: cancellationToken);
        var template = NewDeployment("direct", 1).Spec!.Template!;
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, DirectCreators).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await client.Resource<Pod>().CreateAsync(new Pod
                {
                    Metadata = new ObjectMeta { Name = $"direct-{i.ToString("D5", CultureInfo.InvariantCulture)}", Namespace = DirectNamespace, Labels = template.Metadata!.Labels },
                    Spec = template.Spec,
                }, cancellationToken: cancellationToken);
            }
        }));
        var created = Stopwatch.GetTimestamp();
        var deadline = Stopwatch.StartNew();
        while (Phase(DirectNamespace).Count < count && deadline.Elapsed < RunTimeout)
            await Task.Delay(100, cancellationToken);

        progress.WriteLine($"scheduling: {Phase(DirectNamespace).Count(p => p.Bound > 0):N0} bound while cordoned; uncordoning ...");
        var released = Stopwatch.GetTimestamp();
        await SetUnschedulableAsync(client, nodes, false, cancellationToken);
        var lastReport = TimeSpan.Zero;
        deadline.Restart();
        while (Phase(DirectNamespace).Count(p => p.Bound > 0) < count && deadline.Elapsed < RunTimeout)
        {
            await Task.Delay(100, cancellationToken);
            if (deadline.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
            {
                lastReport = deadline.Elapsed;
                Report(deadline.Elapsed, DirectNamespace);
            }
        }

        var bound = Phase(DirectNamespace).Where(p => p.Bound > 0).Select(p => p.Bound).Order().ToList();
        var window = bound.Count > 0 ? Seconds(bound[^1] - released) : double.NaN;
        return (bound.Count / window, window, count / Seconds(created - start));
    }

    private static async Task SetUnschedulableAsync(KubernetesClient client, HollowNode[] nodes, bool unschedulable, CancellationToken cancellationToken) =>
        await Task.WhenAll(nodes.Select(node => client.Resource<Api.Core.V1.Node>().PatchAsync(
            node.NodeName, Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["unschedulable"] = unschedulable } }),
            cancellationToken: cancellationToken)));

    public static void Print(TextWriter output, SchedulingReport report)
    {
        output.WriteLine();
        output.WriteLine($"Scheduling: {report.Nodes} hollow nodes, {report.Pods:N0} pods through {report.Deployments} Deployments (real kubelike server: API, controllers, scheduler)");
        var table = new TextTable("measure", "value");
        table.Add("nodes registered and Ready", $"{report.NodesReadySeconds:0.00} s");
        table.Add("pods bound per second (first to last binding)", $"{report.PodsBoundPerSecond:0}");
        table.Add("peak pods bound in one second", $"{report.PeakPodsBoundPerSecond:0}");
        table.Add("deployments created -> all pods bound", $"{report.CreateToAllBoundSeconds:0.00} s");
        table.Add("deployments created -> all pods Running and Ready", $"{report.CreateToAllRunningSeconds:0.00} s");
        table.Add("pod created -> bound p50 / p99", $"{report.CreateToBound.P50Ms:0} / {report.CreateToBound.P99Ms:0} ms");
        table.Add("pod created -> running p50 / p99", $"{report.CreateToRunning.P50Ms:0} / {report.CreateToRunning.P99Ms:0} ms");
        table.Add("API GET during the run p50 / p99", $"{report.ProbeGet.P50Ms:0.0} / {report.ProbeGet.P99Ms:0.0} ms");
        table.Add("API PUT during the run p50 / p99", $"{report.ProbeUpdate.P50Ms:0.0} / {report.ProbeUpdate.P99Ms:0.0} ms");
        table.Add("server RSS at end / peak", $"{report.ServerRssMiB:0} / {report.ServerPeakRssMiB:0} MiB");
        table.Add("pods not running at the end", report.Unfinished.ToString(CultureInfo.InvariantCulture));
        table.Add($"backlog: {report.DirectPods:N0} bare pods created per second (nodes cordoned)", $"{report.DirectCreatePerSecond:0}");
        table.Add("backlog: pods bound per second after uncordon (scheduler throughput)", $"{report.DirectBoundPerSecond:0}");
        table.Add("scheduling decisions per second in process (no API)", $"{report.DecisionsPerSecond:0}");
        table.Write(output);
        output.WriteLine($"  load average before: {report.LoadAverageBefore}; after: {report.LoadAverageAfter}");
    }

    private static Deployment NewDeployment(string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new PodSpec
                {
                    Containers =
                    [
                        new Container
                        {
                            Name = "main",
                            Image = "busybox",
                            Resources = new ResourceRequirements { Requests = new Dictionary<string, Api.Primitives.Quantity> { ["cpu"] = Api.Primitives.Quantity.Parse("10m"), ["memory"] = Api.Primitives.Quantity.Parse("16Mi") } },
                        },
                    ],
                },
            },
        },
    };

    /// <summary>Records when each pod is first seen, first seen bound, and first seen Ready.</summary>
    private async Task WatchPodsAsync(KubernetesClient client, CancellationToken cancellationToken)
    {
        var pods = client.Resource<Pod>();
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in pods.WatchAsync(null, new WatchParameters { ResourceVersion = resourceVersion, AllowWatchBookmarks = true, TimeoutSeconds = 600 }, cancellationToken))
                {
                    resourceVersion = e.Item.Metadata?.ResourceVersion ?? resourceVersion;
                    if (e.Type is WatchEventType.Bookmark or WatchEventType.Deleted || e.Item.Metadata?.Uid is not { } uid)
                        continue;
                    var now = Stopwatch.GetTimestamp();
                    var times = _pods.GetOrAdd(uid, _ => new PodTimes { Seen = now, Namespace = e.Item.Metadata?.Namespace ?? "" });
                    if (times.Bound == 0 && !string.IsNullOrEmpty(e.Item.Spec?.NodeName))
                        times.Bound = now;
                    if (times.Running == 0 && e.Item.Status?.Conditions?.Any(c => c is { Type: "Ready", Status: "True" }) == true)
                        times.Running = now;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
            {
                progress.WriteLine($"scheduling: pod watch ended ({e.Message}); resuming");
            }
        }
    }

    /// <summary>A single-object GET and PUT every 50 ms: the latency a user sees while the cluster is busy.</summary>
    private static async Task ProbeAsync(KubernetesClient client, ConcurrentBag<long> gets, ConcurrentBag<long> updates, CancellationToken cancellationToken)
    {
        var configMaps = client.Resource<ConfigMap>();
        var n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var cm = await configMaps.GetAsync("probe", Namespace, cancellationToken);
                gets.Add(Stopwatch.GetTimestamp() - started);
                cm.Data = new Dictionary<string, string> { ["n"] = (++n).ToString(CultureInfo.InvariantCulture) };
                started = Stopwatch.GetTimestamp();
                await configMaps.UpdateAsync(cm, cancellationToken: cancellationToken);
                updates.Add(Stopwatch.GetTimestamp() - started);
                await Task.Delay(ProbeInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>VmRSS and VmHWM of the server process, in MiB.</summary>
    private static (double Rss, double Peak) ServerMemory(int pid)
    {
        double Read(string field) =>
            File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
                ? double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
                : double.NaN;
        try
        {
            return (Read("VmRSS"), Read("VmHWM"));
        }
        catch (IOException)
        {
            return (double.NaN, double.NaN);
        }
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private sealed class PodTimes
    {
        public required string Namespace { get; init; }

        public long Seen { get; init; }

        public long Bound { get; set; }

        public long Running { get; set; }
    }
}
