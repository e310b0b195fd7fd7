using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Events;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Logs;
using Kubelike.Node.Probes;
using Kubelike.Node.Volumes;
using V1 = Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Pods;

/// <summary>
/// What a pod worker does to the outside world: CRI calls that turn pod specs into sandboxes and containers, and
/// the API writes (status, events, the final delete). Labels on what it creates name the pod, as the kubelet's do.
/// </summary>
internal sealed class PodRuntime(KubernetesClient client, RuntimeServiceClient runtime, ImageServiceClient images, ProbeExecutor prober, NodeAgentOptions options, string hostIp, EventRecorder events)
{
    public const string PodUidLabel = "io.kubernetes.pod.uid";
    public const string PodNameLabel = "io.kubernetes.pod.name";
    public const string PodNamespaceLabel = "io.kubernetes.pod.namespace";
    public const string ContainerNameLabel = "io.kubernetes.container.name";

    /// <summary>The node whose agent made a sandbox: its orphan sweep touches only its own (two agents may share a runtime).</summary>
    public const string NodeNameLabel = "kubelike.io/node-name";

    /// <summary>On each container: the restart count it was started with, so a restarted agent reports the same count.</summary>
    public const string RestartCountAnnotation = "io.kubernetes.container.restartCount";

    /// <summary>On each container: the previous instance's termination (JSON), the pod's lastState after an agent restart.</summary>
    public const string LastTerminatedAnnotation = "kubelike.io/last-terminated";

    private readonly ResourceClient<Pod> _pods = client.Resource<Pod>();
    private readonly ContainerEnvironment _environment = new(client);
    private readonly VolumeContents _volumeContents = new(client);
    private readonly PodCgroups _cgroups = new(options.CgroupRoot);

    public string HostIp => hostIp;

    /// <summary>Runs the containers' probes (one for the whole node: it holds the HTTP client).</summary>
    public ProbeExecutor Prober => prober;

    /// <summary>The volume manager of one pod (a worker keeps it for the pod's life).</summary>
    public PodVolumes Volumes(string podUid) => new(client, _volumeContents, options, podUid);

    /// <summary>The sandbox's CRI config; the same for a new sandbox and for one a restarted agent adopts.</summary>
    public V1.PodSandboxConfig SandboxConfig(Pod pod, uint attempt)
    {
        var meta = pod.Metadata!;
        var hostNetwork = pod.Spec?.HostNetwork == true;
        var config = new V1.PodSandboxConfig
        {
            Metadata = new V1.PodSandboxMetadata { Name = meta.Name, Uid = meta.Uid, Namespace = meta.Namespace, Attempt = attempt },
            LogDirectory = ContainerLogs.PodDirectory(options, meta.Namespace!, meta.Name!, meta.Uid!),
            Linux = new V1.LinuxPodSandboxConfig
            {
                CgroupParent = _cgroups.Parent(pod),
                SecurityContext = new V1.LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new V1.NamespaceOption
                    {
                        Network = hostNetwork ? V1.NamespaceMode.Node : V1.NamespaceMode.Pod,
                        Pid = V1.NamespaceMode.Container,
                    },
                },
            },
            Labels = { [PodUidLabel] = meta.Uid, [PodNameLabel] = meta.Name, [PodNamespaceLabel] = meta.Namespace, [NodeNameLabel] = options.NodeName },
        };
        if (!hostNetwork)
        {
            // runc cannot set a hostname in the host's UTS namespace, so host-network pods keep the node's.
            config.Hostname = pod.Spec?.Hostname ?? meta.Name;
            config.DnsConfig = new V1.DNSConfig();
        }

        foreach (var port in (pod.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []).Where(p => p.HostPort is > 0))
        {
            config.PortMappings.Add(new V1.PortMapping
            {
                Protocol = port.Protocol switch { "UDP" => V1.Protocol.Udp, "SCTP" => V1.Protocol.Sctp, _ => V1.Protocol.Tcp },
                ContainerPort = port.ContainerPortValue ?? 0,
                HostPort = port.HostPort ?? 0,
                HostIp = port.HostIP ?? "",
            });
        }

        return config;
    }

    /// <summary>Creates the pod's cgroup, then its sandbox (network namespace, pod IP); returns the sandbox id, config and IP.</summary>
    public async Task<(string SandboxId, V1.PodSandboxConfig Config, string? PodIp)> RunSandboxAsync(Pod pod, uint attempt, CancellationToken cancellationToken)
    {
        var config = SandboxConfig(pod, attempt);
        _cgroups.Create(pod);
        Directory.CreateDirectory(config.LogDirectory);
        var response = await runtime.RunPodSandboxAsync(new V1.RunPodSandboxRequest { Config = config }, cancellationToken: cancellationToken);
        return (response.PodSandboxId, config, await SandboxIpAsync(response.PodSandboxId, cancellationToken));
    }

    public async Task<string?> SandboxIpAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var status = await runtime.PodSandboxStatusAsync(new V1.PodSandboxStatusRequest { PodSandboxId = sandboxId }, cancellationToken: cancellationToken);
        var ip = status.Status.Network?.Ip;
        return string.IsNullOrEmpty(ip) ? null : ip;
    }

    /// <summary>What the runtime holds for a pod uid (a restarted agent adopts it): sandboxes and containers, newest first.</summary>
    public async Task<(IReadOnlyList<V1.PodSandbox> Sandboxes, IReadOnlyList<V1.Container> Containers)> FindAsync(string uid, CancellationToken cancellationToken)
    {
        var sandboxes = await runtime.ListPodSandboxAsync(new V1.ListPodSandboxRequest
        {
            Filter = new V1.PodSandboxFilter { LabelSelector = { [PodUidLabel] = uid } },
        }, cancellationToken: cancellationToken);
        var containers = await runtime.ListContainersAsync(new V1.ListContainersRequest
        {
            Filter = new V1.ContainerFilter { LabelSelector = { [PodUidLabel] = uid } },
        }, cancellationToken: cancellationToken);
        return ([.. sandboxes.Items.OrderByDescending(s => s.CreatedAt)], [.. containers.Containers.OrderByDescending(c => c.CreatedAt)]);
    }

    /// <summary>Removes everything the runtime and host hold for a pod uid: containers, sandboxes (and so the CNI allocation), its cgroup.</summary>
    public async Task RemovePodAsync(string uid, CancellationToken cancellationToken)
    {
        var (sandboxes, containers) = await FindAsync(uid, cancellationToken);
        foreach (var container in containers)
        {
            try
            {
                await StopContainerAsync(container.Id, 0, cancellationToken);
            }
            catch (GrpcCallException)
            {
                // A shim that went away under a cancelled stop ("ttrpc: closed"): removal below still clears the container.
            }

            await RemoveContainerQuietlyAsync(container.Id, cancellationToken);
        }

        foreach (var sandbox in sandboxes)
            await RemoveSandboxAsync(sandbox.Id, cancellationToken);
        _cgroups.Remove(uid);
    }

    /// <summary>
    /// The kubelet's housekeeping: removes the sandboxes this node made for pods that no longer exist (deleted while the
    /// agent was down, or a teardown that failed half-way), then their cgroups and log directories.
    /// </summary>
    public async Task<int> RemoveOrphansAsync(Func<string, bool> isKnown, CancellationToken cancellationToken)
    {
        var all = await runtime.ListPodSandboxAsync(new V1.ListPodSandboxRequest(), cancellationToken: cancellationToken);
        var orphans = all.Items
            .Where(s => s.Labels.TryGetValue(NodeNameLabel, out var node) && node == options.NodeName)
            .Select(s => s.Labels.GetValueOrDefault(PodUidLabel))
            .OfType<string>().Distinct().Where(uid => !isKnown(uid)).ToList();
        foreach (var uid in orphans)
            await RemovePodAsync(uid, cancellationToken);

        // A pod cgroup no sandbox uses any more (this node's or another's on the same runtime) is empty and can go.
        var inRuntime = all.Items.Select(s => s.Labels.GetValueOrDefault(PodUidLabel)).OfType<string>().Except(orphans).ToHashSet();
        foreach (var uid in _cgroups.PodUids().Distinct().Where(uid => !isKnown(uid) && !inRuntime.Contains(uid)).ToList())
            _cgroups.Remove(uid);

        if (Directory.Exists(options.PodLogDirectory))
        {
            foreach (var directory in Directory.EnumerateDirectories(options.PodLogDirectory))
            {
                var name = Path.GetFileName(directory);
                var uid = name[(name.LastIndexOf('_') + 1)..];
                if (!isKnown(uid) && !inRuntime.Contains(uid))
                    DeleteDirectory(directory);
            }
        }

        return orphans.Count;
    }

    /// <summary>Removes the pod's log directory; a failure is logged by the caller's next pass, never fatal.</summary>
    public void RemoveLogs(Pod pod)
    {
        DeleteDirectory(ContainerLogs.PodDirectory(options, pod.Metadata!.Namespace!, pod.Metadata.Name!, pod.Metadata.Uid!));
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a reader following it): the next start of the agent may clean it.
        }
    }

    public async Task<bool> ImagePresentAsync(string image, CancellationToken cancellationToken)
    {
        var status = await images.ImageStatusAsync(new V1.ImageStatusRequest { Image = new V1.ImageSpec { Image = image } }, cancellationToken: cancellationToken);
        return status.Image is not null;
    }

    /// <summary>Creates and starts one container; the log file is <c>NAME/ATTEMPT.log</c> under the pod's log directory.</summary>
    public async Task<string> StartContainerAsync(Pod pod, string sandboxId, V1.PodSandboxConfig sandboxConfig, Container container, PodVolumes volumes, int attempt,
        IDictionary<string, string> annotations, CancellationToken cancellationToken)
    {
        var env = await _environment.ResolveAsync(pod, container, cancellationToken);
        var variables = env.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var config = new V1.ContainerConfig
        {
            Metadata = new V1.ContainerMetadata { Name = container.Name, Attempt = (uint)attempt },
            Image = new V1.ImageSpec { Image = container.Image },
            Command = { (container.Command ?? []).Select(c => ContainerEnvironment.Expand(c, variables)) },
            Args = { (container.Args ?? []).Select(a => ContainerEnvironment.Expand(a, variables)) },
            WorkingDir = container.WorkingDir ?? "",
            Envs = { env.Select(e => new V1.KeyValue { Key = e.Key, Value = e.Value }) },
            LogPath = $"{container.Name}/{attempt}.log",
            Mounts = { volumes.MountsFor(container, variables) },
            // An open stdin (and terminal) is what `kubectl attach -i [-t]` and `kubectl run -i` talk to.
            Stdin = container.Stdin == true,
            StdinOnce = container.StdinOnce == true,
            Tty = container.Tty == true,
            Labels = { [PodUidLabel] = pod.Metadata!.Uid, [PodNameLabel] = pod.Metadata.Name, [PodNamespaceLabel] = pod.Metadata.Namespace, [ContainerNameLabel] = container.Name },
            Annotations = { annotations },
            Linux = new V1.LinuxContainerConfig
            {
                Resources = LinuxResources.From(container.Resources),
                SecurityContext = new V1.LinuxContainerSecurityContext
                {
                    NamespaceOptions = new V1.NamespaceOption { Pid = V1.NamespaceMode.Container },
                },
            },
        };
        var created = await runtime.CreateContainerAsync(new V1.CreateContainerRequest { PodSandboxId = sandboxId, Config = config, SandboxConfig = sandboxConfig }, cancellationToken: cancellationToken);
        await runtime.StartContainerAsync(new V1.StartContainerRequest { ContainerId = created.ContainerId }, cancellationToken: cancellationToken);
        return created.ContainerId;
    }

    public async Task<V1.ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await runtime.ContainerStatusAsync(new V1.ContainerStatusRequest { ContainerId = containerId }, cancellationToken: cancellationToken);
            return response.Status;
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        await runtime.RemoveContainerAsync(new V1.RemoveContainerRequest { ContainerId = containerId }, cancellationToken: cancellationToken);

    private async Task RemoveContainerQuietlyAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await RemoveContainerAsync(containerId, cancellationToken);
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.NotFound)
        {
        }
    }

    /// <summary>Runs a lifecycle hook (exec, httpGet, tcpSocket or sleep) within <paramref name="timeout"/>; null when it succeeded, else why not.</summary>
    public async Task<string?> RunHookAsync(LifecycleHandler hook, Container container, string containerId, string targetIp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (hook.Sleep is { } sleep)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(sleep.Seconds ?? 0, 0, (long)timeout.TotalSeconds)), cancellationToken);
            return null;
        }

        // A hook's handlers are a probe's, bounded by the grace period instead of timeoutSeconds.
        var probe = new Probe { Exec = hook.Exec, HttpGet = hook.HttpGet, TcpSocket = hook.TcpSocket, TimeoutSeconds = (int)Math.Max(1, timeout.TotalSeconds) };
        var outcome = await prober.RunAsync(probe, container, containerId, targetIp, cancellationToken);
        return outcome.Success ? null : outcome.Message;
    }

    /// <summary>SIGTERM, then SIGKILL once <paramref name="graceSeconds"/> have passed (containerd does both for a timeout).</summary>
    public async Task StopContainerAsync(string containerId, long graceSeconds, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.StopContainerAsync(new V1.StopContainerRequest { ContainerId = containerId, Timeout = graceSeconds },
                TimeSpan.FromSeconds(graceSeconds + 30), cancellationToken);
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.NotFound)
        {
        }
    }

    public async Task StopSandboxAsync(string sandboxId, CancellationToken cancellationToken) =>
        await runtime.StopPodSandboxAsync(new V1.StopPodSandboxRequest { PodSandboxId = sandboxId }, cancellationToken: cancellationToken);

    /// <summary>Stops and removes the sandbox and every container still in it.</summary>
    public async Task RemoveSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var containers = await runtime.ListContainersAsync(new V1.ListContainersRequest { Filter = new V1.ContainerFilter { PodSandboxId = sandboxId } }, cancellationToken: cancellationToken);
        foreach (var container in containers.Containers)
        {
            await StopContainerAsync(container.Id, 0, cancellationToken);
            await RemoveContainerQuietlyAsync(container.Id, cancellationToken);
        }

        try
        {
            await StopSandboxAsync(sandboxId, cancellationToken);
            await runtime.RemovePodSandboxAsync(new V1.RemovePodSandboxRequest { PodSandboxId = sandboxId }, cancellationToken: cancellationToken);
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.NotFound)
        {
        }
    }

    /// <summary>The last step of a graceful delete: remove the object now, but only the instance this worker ran.</summary>
    public async Task DeletePodObjectAsync(Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await _pods.DeleteAsync(pod.Metadata!.Name!, pod.Metadata.Namespace, new DeleteOptions
            {
                GracePeriodSeconds = 0,
                Preconditions = new Preconditions { Uid = pod.Metadata.Uid },
            }, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound || e.IsConflict)
        {
            // Already gone, or a new pod of the same name.
        }
    }

    /// <summary>Writes the status through the status subresource, re-reading the pod once on a conflict.</summary>
    public async Task WriteStatusAsync(Pod pod, PodStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var copy = new Pod { ApiVersion = "v1", Kind = "Pod", Metadata = pod.Metadata, Spec = pod.Spec, Status = status };
                await _pods.UpdateStatusAsync(copy, cancellationToken: cancellationToken);
                return;
            }
            catch (KubernetesApiException e) when (e.IsConflict && attempt < 3)
            {
                pod = await _pods.GetAsync(pod.Metadata!.Name!, pod.Metadata.Namespace, cancellationToken);
            }
        }
    }

    /// <summary>Records an event about the pod in the background, as the kubelet does: starting a pod never waits for it.</summary>
    public void RecordEvent(Pod pod, string? fieldPath, string type, string reason, string message) =>
        events.Record(pod, type, reason, message, fieldPath);
}
