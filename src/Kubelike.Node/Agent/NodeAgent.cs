using System.Net;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Events;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Logs;
using Kubelike.Node.Pods;
using Kubelike.Node.Probes;
using Kubelike.Node.Registration;
using Kubelike.Node.Serving;
using Kubelike.Node.Streaming;
using Kubelike.Node.Volumes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Node.Agent;

/// <summary>
/// The node agent: registers the Node, heartbeats its Lease, reports its status, and runs the pods bound to it
/// (an informer on <c>spec.nodeName=NODE</c> feeding one worker per pod) through containerd's CRI. It talks to the
/// API only through <see cref="KubernetesClient"/>, so it runs in the server's process or on its own.
/// </summary>
public sealed class NodeAgent : IAsyncDisposable
{
    private readonly KubernetesClient _client;
    private readonly NodeAgentOptions _options;
    private readonly ILogger _logger;
    private readonly UnixSocketGrpcChannel _channel;
    private readonly RuntimeServiceClient _runtime;
    private readonly ProbeExecutor _prober;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private SharedInformer<Pod>? _informer;
    private PodWorkers? _workers;
    private NodeServer? _server;
    private PodStreams? _streams;
    private readonly ILoggerFactory _loggerFactory;
    private EventRecorder? _events;

    public NodeAgent(KubernetesClient client, NodeAgentOptions options, ILoggerFactory? loggerFactory = null)
    {
        _client = client;
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("Kubelike.Node");
        _channel = new UnixSocketGrpcChannel(options.RuntimeEndpoint, new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(60) });
        _runtime = new RuntimeServiceClient(_channel);
        _prober = new ProbeExecutor(_runtime);
    }

    public NodeAgentOptions Options => _options;

    /// <summary>Registers the node and starts its loops; returns once the pod informer has synced.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var hostIp = HostFacts.Read(_options.DataDirectory).InternalIp;
        // The endpoint first: the Node's status advertises its port. Its log lookups read the pod informer's cache.
        var logs = new ContainerLogs(_options, (ns, name) => _informer?.Cache.Get(ns, name));
        _streams = new PodStreams(_runtime, (ns, name) => _informer?.Cache.Get(ns, name));
        _server = await NodeServer.StartAsync(_options, _client.Configuration.CertificateAuthorities, IPAddress.Parse(hostIp), logs, _streams, _loggerFactory, cancellationToken);
        var reporter = new NodeStatusReporter(_client, _runtime, _options, _server.Port, _logger);
        await reporter.RegisterAsync(cancellationToken);
        var lease = new NodeLeaseRenewer(_client, _options.NodeName, _options.LeaseRenewInterval, _logger);
        _loops.Add(Loop(lease.RunAsync));
        _loops.Add(Loop(reporter.RunAsync));

        _events = new EventRecorder(_client, "kubelet", _logger, _options.NodeName);
        var podRuntime = new PodRuntime(_client, _runtime, new ImageServiceClient(_channel), _prober, _options, hostIp, _events);
        _workers = new PodWorkers(podRuntime, _options, _logger);
        _informer = new SharedInformer<Pod>(_client.Resource<Pod>(), new InformerOptions { FieldSelector = $"spec.nodeName={_options.NodeName}" }, logger: _logger);
        _informer.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => _workers.Upsert(pod),
            Updated = (_, pod) => _workers.Upsert(pod),
            Deleted = (pod, _) => _workers.Remove(pod),
        });
        _informer.Start(_stopping.Token);
        await _informer.WaitForCacheSyncAsync(cancellationToken);
        RemoveOrphanedVolumes(_informer.Cache.List().Select(p => p.Metadata?.Uid).OfType<string>().ToHashSet(StringComparer.Ordinal));
        // Pods deleted while the agent was away: what the runtime still holds for them goes before anything new starts.
        await SweepOrphansAsync(podRuntime, cancellationToken);
        _loops.Add(Loop(async stopping =>
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(_options.HousekeepingInterval, stopping);
                await SweepOrphansAsync(podRuntime, stopping);
            }
        }));
        _logger.LogInformation("node agent {Node} running pods through {Endpoint}", _options.NodeName, _options.RuntimeEndpoint);
    }

    /// <summary>Stops the loops and workers; containers keep running (a restarted agent finds the pods again).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_server is not null)
            await _server.DisposeAsync();
        _streams?.Dispose();
        if (_informer is not null)
            await _informer.DisposeAsync();
        if (_workers is not null)
        {
            await _workers.StopAsync();
            _workers.Dispose();
        }

        await Task.WhenAll(_loops);
        _events?.Dispose();
        _prober.Dispose();
        _channel.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Volumes of pods that went away while the agent was down (the kubelet's orphaned pod cleanup).</summary>
    private void RemoveOrphanedVolumes(HashSet<string> podUids)
    {
        if (!Directory.Exists(_options.PodVolumeDirectory))
            return;
        foreach (var directory in Directory.EnumerateDirectories(_options.PodVolumeDirectory).Where(d => !podUids.Contains(Path.GetFileName(d))))
        {
            try
            {
                PodVolumes.TearDown(directory);
                _logger.LogInformation("removed the volumes of orphaned pod {Uid}", Path.GetFileName(directory));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("removing orphaned pod volumes {Directory} failed: {Reason}", directory, e.Message);
            }
        }
    }

    private async Task SweepOrphansAsync(PodRuntime podRuntime, CancellationToken cancellationToken)
    {
        var informer = _informer!;
        var workers = _workers!;
        try
        {
            // A sandbox exists only once its pod's worker does, so a pod added after this snapshot is known by its worker.
            var bound = informer.Cache.List().Select(p => p.Metadata?.Uid).OfType<string>().ToHashSet();
            var removed = await podRuntime.RemoveOrphansAsync(uid => bound.Contains(uid) || workers.Has(uid), cancellationToken);
            if (removed > 0)
                _logger.LogInformation("removed what the runtime held for {Count} pod(s) that no longer exist", removed);
        }
        catch (Exception e) when (e is GrpcCallException or IOException)
        {
            _logger.LogWarning("orphaned pod sweep failed: {Reason}", e.Message);
        }
    }

    private Task Loop(Func<CancellationToken, Task> loop) => Task.Run(async () =>
    {
        try
        {
            await loop(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "node agent loop failed");
        }
    });
}
