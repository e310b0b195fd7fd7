using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Client.Watch;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 6: pod startup latency on real containerd. A <c>kubelike server --no-node</c>, one node agent in this
/// process on a containerd (see <see cref="BenchmarkContainerd"/>), and N busybox pods bound to the node, created one
/// at a time (each waits for the previous to run) and then all at once. Upstream's SLI: creationTimestamp → all
/// containers running, observed via watch; the upstream SLO is p99 ≤ 5 s.
/// </summary>
internal sealed class PodStartupBenchmark(BenchmarkOptions options, TextWriter progress, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
{
    private const string Namespace = "default";
    private const string NodeName = "bench-node";
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);

    public async Task<PodStartupReport> RunAsync(CancellationToken cancellationToken)
    {
        using var containerd = BenchmarkContainerd.Start(progress);
        progress.WriteLine("podstartup: starting kubelike server ...");
        await using var server = await ApiServerProcess.StartAsync(progress, cancellationToken);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(server.Kubeconfig));
        var data = Directory.CreateTempSubdirectory("kubelike-bench-node-");
        var agent = new NodeAgent(client, new NodeAgentOptions
        {
            NodeName = NodeName,
            RuntimeEndpoint = containerd.Socket,
            DataDirectory = data.FullName,
            CgroupRoot = containerd.CgroupRoot,
            ListenPort = 0,
        }, loggerFactory); // --verbose shows the agent's log, with each pod's start broken down
        var phases = new List<PodStartupPhase>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = Task.Run(() => WatchAsync(client, watching.Token), CancellationToken.None);
        try
        {
            await agent.StartAsync(cancellationToken);
            // One pod first: image metadata, the agent's first CRI calls and the JIT warm up outside the figures.
            await RunPhaseAsync(client, containerd, "warm-up", 1, sequential: true, cancellationToken);
            phases.Add(await RunPhaseAsync(client, containerd, "one at a time", options.StartupPods, sequential: true, cancellationToken));
            phases.Add(await RunPhaseAsync(client, containerd, "all at once", options.StartupPods, sequential: false, cancellationToken));
        }
        finally
        {
            await watching.CancelAsync();
            await watch;
            await agent.DisposeAsync();
            data.Delete(recursive: true);
        }

        return new PodStartupReport(phases);
    }

    private async Task<PodStartupPhase> RunPhaseAsync(KubernetesClient client, BenchmarkContainerd containerd, string name, int count, bool sequential, CancellationToken cancellationToken)
    {
        progress.WriteLine($"podstartup: {name}: {count} pods ...");
        var loadBefore = MachineFacts.ReadLoadAverage();
        var prefix = $"{name.Replace(' ', '-')}-";
        var pods = client.Resource<Pod>();
        var deadline = Stopwatch.StartNew();
        var names = Enumerable.Range(0, count).Select(i => prefix + i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        if (sequential)
        {
            foreach (var pod in names)
            {
                await CreateAsync(pods, pod, cancellationToken);
                while (!_running.ContainsKey(pod) && deadline.Elapsed < PhaseTimeout)
                    await Task.Delay(5, cancellationToken);
            }
        }
        else
        {
            await Task.WhenAll(names.Select(pod => CreateAsync(pods, pod, cancellationToken)));
        }

        while (names.Any(n => !_running.ContainsKey(n)) && deadline.Elapsed < PhaseTimeout)
            await Task.Delay(20, cancellationToken);
        var loadAfter = MachineFacts.ReadLoadAverage();

        // The SLI from the stored creationTimestamp; the finer figure from the client's clock at the create call.
        var stored = (await pods.ListAsync(Namespace, cancellationToken: cancellationToken)).Items
            .Where(p => p.Metadata!.Name!.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Metadata!.Name!, p => p.Metadata!.CreationTimestamp!.Value.Value);
        var sli = names.Where(_running.ContainsKey).Select(n => Ticks(_running[n] - stored[n])).ToArray();
        var fromCall = names.Where(_running.ContainsKey).Select(n => Ticks(_running[n] - _created[n])).ToArray();
        var notRunning = names.Count(n => !_running.ContainsKey(n));

        progress.WriteLine($"podstartup: {name}: deleting ...");
        foreach (var pod in names)
            await pods.DeleteAsync(pod, Namespace, new DeleteOptions { GracePeriodSeconds = 0 }, cancellationToken);
        await WaitForEmptyRuntimeAsync(containerd, cancellationToken);
        return new PodStartupPhase(name, count, LatencySummary.FromTicks(sli), LatencySummary.FromTicks(fromCall), notRunning, loadBefore, loadAfter);
    }

    private async Task CreateAsync(ResourceClient<Pod> pods, string name, CancellationToken cancellationToken)
    {
        _created[name] = DateTimeOffset.UtcNow;
        await pods.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
            Spec = new PodSpec
            {
                NodeName = NodeName,
                TerminationGracePeriodSeconds = 0,
                Containers = [new Container { Name = "main", Image = "kubelike.local/busybox:latest", Command = ["sleep", "3600"] }],
            },
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Records when the watch first shows each pod with every container running.</summary>
    private async Task WatchAsync(KubernetesClient client, CancellationToken cancellationToken)
    {
        var pods = client.Resource<Pod>();
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in pods.WatchAsync(Namespace, new WatchParameters { ResourceVersion = resourceVersion, AllowWatchBookmarks = true, TimeoutSeconds = 600 }, cancellationToken))
                {
                    resourceVersion = e.Item.Metadata?.ResourceVersion ?? resourceVersion;
                    if (e.Type is WatchEventType.Bookmark or WatchEventType.Deleted || e.Item.Metadata?.Name is not { } name)
                        continue;
                    var statuses = e.Item.Status?.ContainerStatuses;
                    if (statuses is { Count: > 0 } && statuses.Count == e.Item.Spec?.Containers?.Count && statuses.All(s => s.State?.Running is not null))
                        _running.TryAdd(name, DateTimeOffset.UtcNow);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
            {
                progress.WriteLine($"podstartup: pod watch ended ({e.Message}); resuming");
            }
        }
    }

    /// <summary>Waits until the node's sandboxes are all gone, so that one phase's teardown does not slow the next.</summary>
    private static async Task WaitForEmptyRuntimeAsync(BenchmarkContainerd containerd, CancellationToken cancellationToken)
    {
        using var channel = new UnixSocketGrpcChannel(containerd.Socket, new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(60) });
        var runtime = new RuntimeServiceClient(channel);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < PhaseTimeout)
        {
            var sandboxes = await runtime.ListPodSandboxAsync(new ListPodSandboxRequest
            {
                Filter = new PodSandboxFilter { LabelSelector = { ["kubelike.io/node-name"] = NodeName } },
            }, cancellationToken: cancellationToken);
            if (sandboxes.Items.Count == 0)
                return;
            await Task.Delay(200, cancellationToken);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static void Print(TextWriter output, PodStartupReport report)
    {
        output.WriteLine();
        output.WriteLine("Pod startup on real containerd (one node agent, busybox pods bound to it; SLI = creationTimestamp -> all containers running, seen via watch)");
        var table = new TextTable("pods created", "n", "SLI p50 / p99 / max", "create call -> running p50 / p99 / max", "not running", "load before -> after");
        foreach (var phase in report.Phases)
        {
            table.Add(phase.Name, phase.Pods.ToString(CultureInfo.InvariantCulture),
                $"{phase.Sli.P50Ms:0} / {phase.Sli.P99Ms:0} / {phase.Sli.MaxMs:0} ms",
                $"{phase.FromCreateCall.P50Ms:0} / {phase.FromCreateCall.P99Ms:0} / {phase.FromCreateCall.MaxMs:0} ms",
                phase.NotRunning.ToString(CultureInfo.InvariantCulture), $"{phase.LoadAverageBefore} -> {phase.LoadAverageAfter}");
        }

        table.Write(output);
        output.WriteLine("  creationTimestamp has one-second resolution (as upstream's), so the SLI reads up to 1 s above the create call figure.");
    }
}
