using System.Globalization;
using System.Threading.Channels;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Node.Registration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Node.Hollow;

using NodeObject = Kubelike.Api.Core.V1.Node;

/// <summary>
/// A node agent without containers, for control-plane tests and scale benchmarks (as kwok's nodes): it registers a
/// Ready Node, renews its Lease in kube-node-lease, and plays out the pods bound to it (an informer on
/// <c>spec.nodeName=NODE</c>): each becomes Running and Ready with a pod IP and running container statuses (Ready
/// later or never as <see cref="HollowNodeOptions.ReadyAfterSecondsAnnotation"/> and <see cref="HollowNodeOptions.ReadyAnnotation"/> say); one with
/// <see cref="HollowNodeOptions.ExitCodeAnnotation"/> (and restartPolicy Never or OnFailure) then ends Succeeded or
/// Failed; a pod being deleted is deleted for good (grace period 0), as a kubelet does once its containers stopped.
/// It talks to the API only through <see cref="KubernetesClient"/>; many can share one client.
/// </summary>
public sealed class HollowNode : IAsyncDisposable
{
    private readonly KubernetesClient _client;
    private readonly HollowNodeOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<string> _work = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly List<Task> _loops = [];
    private readonly SharedInformer<Pod> _pods;
    private readonly string _internalIp;
    private readonly string _podSubnetPrefix;
    private readonly DateTimeOffset _registeredAt = DateTimeOffset.UtcNow;
    private int _nextIp;

    private HollowNode(KubernetesClient client, HollowNodeOptions options, ILogger logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
        var index = options.EffectiveAddressIndex;
        _internalIp = $"172.20.{index >> 8}.{index & 255}";
        _podSubnetPrefix = $"10.{128 + (index >> 8)}.{index & 255}.";
        _pods = new SharedInformer<Pod>(client.Resource<Pod>(), new InformerOptions { FieldSelector = $"spec.nodeName={options.NodeName}" }, logger: logger);
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => Enqueue(ObjectAccessor.GetKey(pod)),
            Updated = (_, pod) => Enqueue(ObjectAccessor.GetKey(pod)),
        });
    }

    public string NodeName => _options.NodeName;

    public string InternalIp => _internalIp;

    /// <summary>Registers the Node, starts the heartbeats, and returns once the pods bound to it are being watched.</summary>
    public static async Task<HollowNode> StartAsync(KubernetesClient client, HollowNodeOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var node = new HollowNode(client, options, logger ?? NullLogger.Instance);
        try
        {
            await node.RegisterAsync(cancellationToken);
            node.Start();
            await node._pods.WaitForCacheSyncAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _work.Writer.TryComplete();
        await _pods.DisposeAsync();
        await Task.WhenAll(_loops);
        if (_options.DeleteNodeOnStop)
        {
            try
            {
                await _client.Resource<NodeObject>().DeleteAsync(_options.NodeName);
                await _client.Resource<Lease>().DeleteAsync(_options.NodeName, NodeLeaseRenewer.LeaseNamespace);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
            {
                _logger.LogDebug("hollow node {Node}: cleanup: {Reason}", _options.NodeName, e.Message);
            }
        }

        _stopping.Dispose();
    }

    private void Start()
    {
        var lease = new NodeLeaseRenewer(_client, _options.NodeName, _options.LeaseRenewInterval, _logger);
        _loops.Add(Loop(lease.RunAsync));
        _loops.Add(Loop(ReportStatusLoopAsync));
        _loops.Add(Loop(WorkAsync));
        _pods.Start(_stopping.Token);
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var nodes = _client.Resource<NodeObject>();
        var labels = new Dictionary<string, string>(_options.Labels)
        {
            ["kubernetes.io/hostname"] = _options.NodeName,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["type"] = "hollow",
        };
        var spec = new NodeSpec { Taints = _options.Taints.Count > 0 ? [.. _options.Taints] : null, PodCIDR = _podSubnetPrefix + "0/24" };
        try
        {
            await nodes.CreateAsync(new NodeObject { Metadata = new ObjectMeta { Name = _options.NodeName, Labels = labels }, Spec = spec }, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            var existing = await nodes.GetAsync(_options.NodeName, cancellationToken: cancellationToken);
            existing.Metadata!.Labels = labels;
            existing.Spec = spec;
            await nodes.UpdateAsync(existing, cancellationToken: cancellationToken);
        }

        await ReportStatusAsync(cancellationToken);
    }

    private async Task ReportStatusLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.StatusReportInterval, cancellationToken);
            try
            {
                await ReportStatusAsync(cancellationToken);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
            {
                _logger.LogWarning("hollow node {Node}: status update failed: {Reason}", _options.NodeName, e.Message);
            }
        }
    }

    /// <summary>Writes the node's status, again on a conflict (the node lifecycle controller may be writing it too).</summary>
    private async Task ReportStatusAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReportStatusOnceAsync(cancellationToken);
                return;
            }
            catch (KubernetesApiException e) when (e.HttpStatus == System.Net.HttpStatusCode.Conflict && attempt < 5)
            {
            }
        }
    }

    private async Task ReportStatusOnceAsync(CancellationToken cancellationToken)
    {
        var nodes = _client.Resource<NodeObject>();
        var node = await nodes.GetAsync(_options.NodeName, cancellationToken: cancellationToken);
        var now = DateTimeOffset.UtcNow;
        node.Status = new NodeStatus
        {
            Capacity = new Dictionary<string, Quantity>(_options.Capacity),
            Allocatable = new Dictionary<string, Quantity>(_options.Capacity),
            Addresses =
            [
                new NodeAddress { Type = "InternalIP", Address = _internalIp },
                new NodeAddress { Type = "Hostname", Address = _options.NodeName },
            ],
            DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = 10250 } },
            NodeInfo = new NodeSystemInfo
            {
                MachineID = "hollow",
                SystemUUID = "hollow",
                BootID = "hollow",
                KernelVersion = "hollow",
                OsImage = "hollow",
                ContainerRuntimeVersion = "hollow://1.0",
                KubeletVersion = "v1.33.0-kubelike",
                KubeProxyVersion = "",
                OperatingSystem = "linux",
                Architecture = "amd64",
            },
            Conditions =
            [
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now),
            ],
        };
        await nodes.UpdateStatusAsync(node, cancellationToken: cancellationToken);
    }

    private NodeCondition Condition(string type, string status, string reason, string message, DateTimeOffset now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastHeartbeatTime = now,
        LastTransitionTime = _registeredAt,
    };

    private void Enqueue(string key)
    {
        lock (_queued)
        {
            if (!_queued.Add(key))
                return;
        }

        _work.Writer.TryWrite(key);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await foreach (var key in _work.Reader.ReadAllAsync(cancellationToken))
        {
            lock (_queued)
                _queued.Remove(key);
            try
            {
                await SyncAsync(key, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
            {
                // Changed or gone meanwhile: the informer's next event for it brings it back.
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
            {
                _logger.LogWarning("hollow node {Node}: {Pod}: {Reason}; retrying", _options.NodeName, key, e.Message);
                EnqueueAfter(key, TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private void EnqueueAfter(string key, TimeSpan delay, CancellationToken cancellationToken) => _ = Task.Run(async () =>
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            Enqueue(key);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }, CancellationToken.None);

    /// <summary>Brings one pod a step along its hollow life: Running, then (if it completes) its end, or gone once deleted.</summary>
    private async Task SyncAsync(string key, CancellationToken cancellationToken)
    {
        var pod = _pods.Cache.Get(key);
        if (pod?.Metadata is null || pod.Spec?.NodeName != _options.NodeName)
            return;
        var pods = _client.Resource<Pod>();
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            await pods.DeleteAsync(pod.Metadata.Name!, pod.Metadata.Namespace, new DeleteOptions
            {
                GracePeriodSeconds = 0,
                Preconditions = new Preconditions { Uid = pod.Metadata.Uid },
            }, cancellationToken);
            return;
        }

        var phase = pod.Status?.Phase;
        if (phase is "Succeeded" or "Failed")
            return;
        if (phase != "Running")
        {
            await pods.UpdateStatusAsync(WithStatus(pod, HollowPodStatus.Running(pod, _internalIp, PodIp(pod), DateTimeOffset.UtcNow)), cancellationToken: cancellationToken);
            return;
        }

        if (!HollowPodStatus.IsReady(pod) && !HollowPodStatus.NeverReady(pod) && HollowPodStatus.ExitCode(pod) is null)
        {
            var readyAt = (pod.Status?.StartTime is { } since ? (DateTimeOffset)since : DateTimeOffset.UtcNow) + HollowPodStatus.ReadyDelay(pod);
            if (readyAt > DateTimeOffset.UtcNow)
            {
                EnqueueAfter(key, readyAt - DateTimeOffset.UtcNow, cancellationToken);
                return;
            }

            await pods.UpdateStatusAsync(WithStatus(pod, HollowPodStatus.Ready(pod, DateTimeOffset.UtcNow)), cancellationToken: cancellationToken);
            return;
        }

        if (HollowPodStatus.ExitCode(pod) is not { } exitCode)
            return;
        var endsAt = (pod.Status?.StartTime is { } started ? (DateTimeOffset)started : DateTimeOffset.UtcNow) + HollowPodStatus.RunTime(pod);
        var wait = endsAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            EnqueueAfter(key, wait, cancellationToken);
            return;
        }

        await pods.UpdateStatusAsync(WithStatus(pod, HollowPodStatus.Terminated(pod, exitCode, DateTimeOffset.UtcNow)), cancellationToken: cancellationToken);
    }

    private string PodIp(Pod pod)
    {
        if (pod.Spec?.HostNetwork == true)
            return _internalIp;
        var n = (uint)Interlocked.Increment(ref _nextIp);
        return _podSubnetPrefix + (2 + (n % 252)).ToString(CultureInfo.InvariantCulture);
    }

    private static Pod WithStatus(Pod pod, PodStatus status)
    {
        var updated = Api.KubernetesJson.Deserialize<Pod>(Api.KubernetesJson.Serialize(pod))!;
        updated.Status = status;
        return updated;
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
            _logger.LogError(e, "hollow node {Node}: loop failed", _options.NodeName);
        }
    });
}
