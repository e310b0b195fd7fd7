using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Cri;

/// <summary>
/// The CRI runtime service of a container runtime (containerd): pod sandboxes, containers, exec, stats, status.
/// Every call takes an optional timeout (the channel's default when null) and a cancellation token, and fails
/// with <see cref="GrpcCallException"/> carrying the runtime's status.
/// </summary>
public sealed class RuntimeServiceClient(UnixSocketGrpcChannel channel)
{
    public const string ServiceName = "runtime.v1.RuntimeService";

    public static readonly GrpcMethod<VersionRequest, VersionResponse> VersionMethod = new(ServiceName, "Version", VersionResponse.Parser);

    public static readonly GrpcMethod<RunPodSandboxRequest, RunPodSandboxResponse> RunPodSandboxMethod = new(ServiceName, "RunPodSandbox", RunPodSandboxResponse.Parser);

    public static readonly GrpcMethod<StopPodSandboxRequest, StopPodSandboxResponse> StopPodSandboxMethod = new(ServiceName, "StopPodSandbox", StopPodSandboxResponse.Parser);

    public static readonly GrpcMethod<RemovePodSandboxRequest, RemovePodSandboxResponse> RemovePodSandboxMethod = new(ServiceName, "RemovePodSandbox", RemovePodSandboxResponse.Parser);

    public static readonly GrpcMethod<PodSandboxStatusRequest, PodSandboxStatusResponse> PodSandboxStatusMethod = new(ServiceName, "PodSandboxStatus", PodSandboxStatusResponse.Parser);

    public static readonly GrpcMethod<ListPodSandboxRequest, ListPodSandboxResponse> ListPodSandboxMethod = new(ServiceName, "ListPodSandbox", ListPodSandboxResponse.Parser);

    public static readonly GrpcMethod<CreateContainerRequest, CreateContainerResponse> CreateContainerMethod = new(ServiceName, "CreateContainer", CreateContainerResponse.Parser);

    public static readonly GrpcMethod<StartContainerRequest, StartContainerResponse> StartContainerMethod = new(ServiceName, "StartContainer", StartContainerResponse.Parser);

    public static readonly GrpcMethod<StopContainerRequest, StopContainerResponse> StopContainerMethod = new(ServiceName, "StopContainer", StopContainerResponse.Parser);

    public static readonly GrpcMethod<RemoveContainerRequest, RemoveContainerResponse> RemoveContainerMethod = new(ServiceName, "RemoveContainer", RemoveContainerResponse.Parser);

    public static readonly GrpcMethod<ListContainersRequest, ListContainersResponse> ListContainersMethod = new(ServiceName, "ListContainers", ListContainersResponse.Parser);

    public static readonly GrpcMethod<ContainerStatusRequest, ContainerStatusResponse> ContainerStatusMethod = new(ServiceName, "ContainerStatus", ContainerStatusResponse.Parser);

    public static readonly GrpcMethod<UpdateContainerResourcesRequest, UpdateContainerResourcesResponse> UpdateContainerResourcesMethod = new(ServiceName, "UpdateContainerResources", UpdateContainerResourcesResponse.Parser);

    public static readonly GrpcMethod<ReopenContainerLogRequest, ReopenContainerLogResponse> ReopenContainerLogMethod = new(ServiceName, "ReopenContainerLog", ReopenContainerLogResponse.Parser);

    public static readonly GrpcMethod<ExecSyncRequest, ExecSyncResponse> ExecSyncMethod = new(ServiceName, "ExecSync", ExecSyncResponse.Parser);

    public static readonly GrpcMethod<ExecRequest, ExecResponse> ExecMethod = new(ServiceName, "Exec", ExecResponse.Parser);

    public static readonly GrpcMethod<AttachRequest, AttachResponse> AttachMethod = new(ServiceName, "Attach", AttachResponse.Parser);

    public static readonly GrpcMethod<PortForwardRequest, PortForwardResponse> PortForwardMethod = new(ServiceName, "PortForward", PortForwardResponse.Parser);

    public static readonly GrpcMethod<ContainerStatsRequest, ContainerStatsResponse> ContainerStatsMethod = new(ServiceName, "ContainerStats", ContainerStatsResponse.Parser);

    public static readonly GrpcMethod<ListContainerStatsRequest, ListContainerStatsResponse> ListContainerStatsMethod = new(ServiceName, "ListContainerStats", ListContainerStatsResponse.Parser);

    public static readonly GrpcMethod<StatusRequest, StatusResponse> StatusMethod = new(ServiceName, "Status", StatusResponse.Parser);

    /// <summary>The runtime's name and version, and the CRI version it speaks.</summary>
    public Task<VersionResponse> VersionAsync(VersionRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(VersionMethod, request, timeout, cancellationToken);

    /// <summary>Creates and starts a pod sandbox (its namespaces and, unless on the host network, its CNI network).</summary>
    public Task<RunPodSandboxResponse> RunPodSandboxAsync(RunPodSandboxRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(RunPodSandboxMethod, request, timeout, cancellationToken);

    /// <summary>Stops a sandbox's processes and tears down its network; idempotent.</summary>
    public Task<StopPodSandboxResponse> StopPodSandboxAsync(StopPodSandboxRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(StopPodSandboxMethod, request, timeout, cancellationToken);

    /// <summary>Removes a stopped sandbox and its containers; idempotent.</summary>
    public Task<RemovePodSandboxResponse> RemovePodSandboxAsync(RemovePodSandboxRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(RemovePodSandboxMethod, request, timeout, cancellationToken);

    /// <summary>A sandbox's state, IP addresses and namespaces.</summary>
    public Task<PodSandboxStatusResponse> PodSandboxStatusAsync(PodSandboxStatusRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(PodSandboxStatusMethod, request, timeout, cancellationToken);

    /// <summary>The sandboxes matching a filter.</summary>
    public Task<ListPodSandboxResponse> ListPodSandboxAsync(ListPodSandboxRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ListPodSandboxMethod, request, timeout, cancellationToken);

    /// <summary>Creates a container in a sandbox; it does not start it.</summary>
    public Task<CreateContainerResponse> CreateContainerAsync(CreateContainerRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(CreateContainerMethod, request, timeout, cancellationToken);

    /// <summary>Starts a created container.</summary>
    public Task<StartContainerResponse> StartContainerAsync(StartContainerRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(StartContainerMethod, request, timeout, cancellationToken);

    /// <summary>Sends the stop signal, then SIGKILL after the request's timeout in seconds.</summary>
    public Task<StopContainerResponse> StopContainerAsync(StopContainerRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(StopContainerMethod, request, timeout, cancellationToken);

    /// <summary>Removes a container, killing it first if it runs.</summary>
    public Task<RemoveContainerResponse> RemoveContainerAsync(RemoveContainerRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(RemoveContainerMethod, request, timeout, cancellationToken);

    /// <summary>The containers matching a filter.</summary>
    public Task<ListContainersResponse> ListContainersAsync(ListContainersRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ListContainersMethod, request, timeout, cancellationToken);

    /// <summary>A container's state, exit code, reason and log path.</summary>
    public Task<ContainerStatusResponse> ContainerStatusAsync(ContainerStatusRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ContainerStatusMethod, request, timeout, cancellationToken);

    /// <summary>Changes a running container's cgroup settings.</summary>
    public Task<UpdateContainerResourcesResponse> UpdateContainerResourcesAsync(UpdateContainerResourcesRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(UpdateContainerResourcesMethod, request, timeout, cancellationToken);

    /// <summary>Makes the runtime reopen a container's log file (after it was rotated).</summary>
    public Task<ReopenContainerLogResponse> ReopenContainerLogAsync(ReopenContainerLogRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ReopenContainerLogMethod, request, timeout, cancellationToken);

    /// <summary>Runs a command in a container and returns its exit code and output.</summary>
    public Task<ExecSyncResponse> ExecSyncAsync(ExecSyncRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ExecSyncMethod, request, timeout, cancellationToken);

    /// <summary>The streaming-server URL for an interactive exec.</summary>
    public Task<ExecResponse> ExecAsync(ExecRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ExecMethod, request, timeout, cancellationToken);

    /// <summary>The streaming-server URL for attaching to a container's stdio.</summary>
    public Task<AttachResponse> AttachAsync(AttachRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(AttachMethod, request, timeout, cancellationToken);

    /// <summary>The streaming-server URL for forwarding ports of a sandbox.</summary>
    public Task<PortForwardResponse> PortForwardAsync(PortForwardRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(PortForwardMethod, request, timeout, cancellationToken);

    /// <summary>CPU, memory and writable-layer usage of a container.</summary>
    public Task<ContainerStatsResponse> ContainerStatsAsync(ContainerStatsRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ContainerStatsMethod, request, timeout, cancellationToken);

    /// <summary>Usage of the containers matching a filter.</summary>
    public Task<ListContainerStatsResponse> ListContainerStatsAsync(ListContainerStatsRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(ListContainerStatsMethod, request, timeout, cancellationToken);

    /// <summary>The runtime's conditions (RuntimeReady, NetworkReady).</summary>
    public Task<StatusResponse> StatusAsync(StatusRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        channel.CallAsync(StatusMethod, request, timeout, cancellationToken);
}
