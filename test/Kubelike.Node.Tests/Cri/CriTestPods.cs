using Kubelike.Node.Cri;
using Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Tests.Cri;

/// <summary>
/// Pod sandboxes a test runs through CRI, configured the way the node agent will (cgroup parent under the test
/// cgroup root, a log directory per pod, host network or CNI), and removed again (stop, remove, cgroup) on dispose.
/// </summary>
public sealed class CriTestPods(RuntimeServiceClient runtime) : IAsyncDisposable
{
    public const string BusyboxImage = "kubelike.local/busybox:latest";
    public const string PauseImage = "kubelike.local/pause:latest";
    public const string Namespace = "cri-test";

    private readonly List<string> _sandboxIds = [];

    /// <summary>
    /// A sandbox config for <paramref name="containerd"/> (the test containerd when null): host network (no hostname,
    /// as runc requires) or the CNI bridge.
    /// </summary>
    public static PodSandboxConfig SandboxConfig(string name, bool hostNetwork, ContainerdInstance? containerd = null)
    {
        containerd ??= TestContainerd.Instance;
        var uid = Guid.NewGuid().ToString();
        var config = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = name, Uid = uid, Namespace = Namespace },
            LogDirectory = Path.Combine(containerd.StateDirectory, "pod-logs", $"{Namespace}_{name}_{uid}"),
            Linux = new LinuxPodSandboxConfig
            {
                CgroupParent = $"/{containerd.CgroupRoot}/pod{uid}",
                SecurityContext = new LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new NamespaceOption
                    {
                        Network = hostNetwork ? NamespaceMode.Node : NamespaceMode.Pod,
                        Pid = NamespaceMode.Container,
                    },
                },
            },
            Labels = { ["kubelike.test/pod"] = name },
        };
        if (!hostNetwork)
        {
            config.Hostname = name;
            config.DnsConfig = new DNSConfig();
        }
        return config;
    }

    /// <summary>A busybox container running <paramref name="command"/>, logging to <c>name/0.log</c>.</summary>
    public static ContainerConfig BusyboxContainer(string name, params string[] command) => new()
    {
        Metadata = new ContainerMetadata { Name = name },
        Image = new ImageSpec { Image = BusyboxImage },
        Command = { command },
        LogPath = $"{name}/0.log",
        Linux = new LinuxContainerConfig
        {
            SecurityContext = new LinuxContainerSecurityContext
            {
                // The container's own PID namespace; POD (0) would put it in the pause process's.
                NamespaceOptions = new NamespaceOption { Pid = NamespaceMode.Container },
            },
        },
    };

    /// <summary>Runs a sandbox (creating its log directory first, as the kubelet does) and returns its id.</summary>
    public async Task<string> RunSandboxAsync(PodSandboxConfig config)
    {
        Directory.CreateDirectory(config.LogDirectory);
        var response = await runtime.RunPodSandboxAsync(new RunPodSandboxRequest { Config = config });
        _sandboxIds.Add(response.PodSandboxId);
        return response.PodSandboxId;
    }

    /// <summary>Creates and starts a container in a sandbox and returns its id.</summary>
    public async Task<string> StartContainerAsync(string sandboxId, PodSandboxConfig sandboxConfig, ContainerConfig config)
    {
        var created = await runtime.CreateContainerAsync(new CreateContainerRequest
        {
            PodSandboxId = sandboxId,
            Config = config,
            SandboxConfig = sandboxConfig,
        });
        await runtime.StartContainerAsync(new StartContainerRequest { ContainerId = created.ContainerId });
        return created.ContainerId;
    }

    /// <summary>Stops and removes every container and sandbox this object ran, the way the kubelet tears a pod down.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var sandboxId in _sandboxIds)
        {
            var containers = await runtime.ListContainersAsync(new ListContainersRequest
            {
                Filter = new ContainerFilter { PodSandboxId = sandboxId },
            });
            foreach (var container in containers.Containers)
            {
                await runtime.StopContainerAsync(new StopContainerRequest { ContainerId = container.Id, Timeout = 0 });
                await runtime.RemoveContainerAsync(new RemoveContainerRequest { ContainerId = container.Id });
            }
            await runtime.StopPodSandboxAsync(new StopPodSandboxRequest { PodSandboxId = sandboxId });
            await runtime.RemovePodSandboxAsync(new RemovePodSandboxRequest { PodSandboxId = sandboxId });
        }
        _sandboxIds.Clear();
    }
}
