using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.V1;
using Kubelike.Node.Pressure;
using Microsoft.Extensions.Logging;
using NodeObject = Kubelike.Api.Core.V1.Node;

namespace Kubelike.Node.Registration;

/// <summary>
/// Registers the Node and keeps its status current: capacity, addresses, nodeInfo and the four conditions, written
/// through the status subresource every <see cref="NodeAgentOptions.StatusReportInterval"/> (the kubelet's
/// nodeStatusReportFrequency) and whenever the runtime's readiness or a pressure condition changes. The pressure
/// conditions compare the host's memory, disk and pids with <see cref="NodeAgentOptions.EvictionHard"/>.
/// </summary>
public sealed class NodeStatusReporter(KubernetesClient client, RuntimeServiceClient runtime, NodeAgentOptions options, int endpointPort, ILogger logger)
{
    public const string KubeletVersion = "v1.33.0-kubelike";
    public const int MaxPods = 110;

    private readonly ResourceClient<NodeObject> _nodes = client.Resource<NodeObject>();
    private readonly Dictionary<string, (string Status, DateTimeOffset Since)> _transitions = [];
    private HostFacts? _host;
    private string? _runtimeVersion;

    /// <summary>Creates the Node when it does not exist, then writes its status.</summary>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        _host = HostFacts.Read(options.DataDirectory);
        var version = await runtime.VersionAsync(new VersionRequest { Version = "v1" }, cancellationToken: cancellationToken);
        _runtimeVersion = $"{version.RuntimeName}://{version.RuntimeVersion}";
        try
        {
            await _nodes.CreateAsync(new NodeObject
            {
                Metadata = new ObjectMeta
                {
                    Name = options.NodeName,
                    Labels = new Dictionary<string, string>
                    {
                        ["kubernetes.io/hostname"] = options.NodeName,
                        ["kubernetes.io/os"] = "linux",
                        ["kubernetes.io/arch"] = _host.Architecture,
                        ["beta.kubernetes.io/os"] = "linux",
                        ["beta.kubernetes.io/arch"] = _host.Architecture,
                    },
                },
                Spec = new NodeSpec(),
            }, cancellationToken: cancellationToken);
            logger.LogInformation("registered node {Node}", options.NodeName);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            logger.LogInformation("node {Node} already registered; updating it", options.NodeName);
        }

        await ReportAsync(cancellationToken);
    }

    /// <summary>Reports every interval, and sooner when the runtime's readiness flips.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastReport = DateTimeOffset.UtcNow;
        var lastReady = await RuntimeReadyAsync(cancellationToken);
        var lastPressure = Pressure();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            try
            {
                var ready = await RuntimeReadyAsync(cancellationToken);
                var pressure = Pressure();
                if (ready != lastReady || pressure != lastPressure || DateTimeOffset.UtcNow - lastReport >= options.StatusReportInterval)
                {
                    await ReportAsync(cancellationToken);
                    lastReport = DateTimeOffset.UtcNow;
                    lastReady = ready;
                    lastPressure = pressure;
                }
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or Cri.Grpc.GrpcCallException)
            {
                logger.LogWarning("node status update failed: {Reason}", e.Message);
            }
        }
    }

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        var host = _host ?? throw new InvalidOperationException("RegisterAsync first");
        var runtimeReady = await RuntimeReadyAsync(cancellationToken);
        var node = await _nodes.GetAsync(options.NodeName, cancellationToken: cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var pressure = Pressure();
        var capacity = new Dictionary<string, Quantity>
        {
            ["cpu"] = Quantity.FromInt64(host.Cpus),
            ["memory"] = Quantity.Parse($"{host.MemoryBytes / 1024}Ki"),
            ["ephemeral-storage"] = Quantity.Parse($"{host.EphemeralStorageBytes / 1024}Ki"),
            ["pods"] = Quantity.FromInt64(MaxPods),
        };
        node.Status = new NodeStatus
        {
            Capacity = capacity,
            Allocatable = new Dictionary<string, Quantity>(capacity),
            Phase = null,
            Addresses =
            [
                new NodeAddress { Type = "InternalIP", Address = host.InternalIp },
                new NodeAddress { Type = "Hostname", Address = host.Hostname },
            ],
            DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = endpointPort } },
            NodeInfo = new NodeSystemInfo
            {
                MachineID = host.MachineId,
                SystemUUID = host.MachineId,
                BootID = host.BootId,
                KernelVersion = host.KernelVersion,
                OsImage = host.OsImage,
                ContainerRuntimeVersion = _runtimeVersion,
                KubeletVersion = KubeletVersion,
                KubeProxyVersion = "",
                OperatingSystem = "linux",
                Architecture = host.Architecture,
            },
            Conditions =
            [
                pressure.Memory
                    ? Condition("MemoryPressure", "True", "KubeletHasInsufficientMemory", "kubelet has insufficient memory available", now)
                    : Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                pressure.Disk
                    ? Condition("DiskPressure", "True", "KubeletHasDiskPressure", "kubelet has disk pressure", now)
                    : Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                pressure.Pid
                    ? Condition("PIDPressure", "True", "KubeletHasInsufficientPID", "kubelet has insufficient PID available", now)
                    : Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                runtimeReady
                    ? Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now)
                    : Condition("Ready", "False", "KubeletNotReady", "container runtime is not ready", now),
            ],
        };
        await _nodes.UpdateStatusAsync(node, cancellationToken: cancellationToken);
    }

    private NodePressure Pressure() => NodePressure.Evaluate(HostUsage.Read(options.DataDirectory), options.EvictionHard);

    private NodeCondition Condition(string type, string status, string reason, string message, DateTimeOffset now)
    {
        if (!_transitions.TryGetValue(type, out var last) || last.Status != status)
            _transitions[type] = last = (status, now);
        return new NodeCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastHeartbeatTime = now,
            LastTransitionTime = last.Since,
        };
    }

    private async Task<bool> RuntimeReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await runtime.StatusAsync(new StatusRequest(), cancellationToken: cancellationToken);
            return status.Status.Conditions.All(c => c.Status);
        }
        catch (Cri.Grpc.GrpcCallException)
        {
            return false;
        }
    }
}
