using System.Net;

namespace Kubelike.Server;

/// <summary>What <c>kubelike server</c> was asked to do.</summary>
/// <param name="DataDirectory">Absolute path of the server's state directory.</param>
/// <param name="DatastoreEndpoint">External PostgreSQL; null runs an embedded one under <see cref="EmbeddedPostgresDirectory"/>.</param>
/// <param name="BindAddress">Address the HTTPS endpoint listens on.</param>
/// <param name="SecurePort">Port the HTTPS endpoint listens on.</param>
/// <param name="TokenAuthFile">CSV of static bearer tokens (token,user,uid,"groups"), or null.</param>
/// <param name="NoControllers">Serve a bare API: no controllers run in this process.</param>
internal sealed record ServerOptions(string DataDirectory, string? DatastoreEndpoint, IPAddress BindAddress, int SecurePort, string? TokenAuthFile = null, bool NoControllers = false)
{
    /// <summary>containerd's CRI socket for the in-process node agent; null runs no node.</summary>
    public string? ContainerRuntimeEndpoint { get; init; }

    /// <summary>The node's name (the host name unless <c>--node-name</c>).</summary>
    public string NodeName { get; init; } = System.Net.Dns.GetHostName();

    /// <summary>The port of the node agent's HTTPS endpoint (<c>--node-port</c>; 0 for any free one).</summary>
    public int NodePort { get; init; } = 10250;

    /// <summary>The cgroupfs parent of pods (hack/containerd.sh's KUBELIKE_CGROUP_ROOT).</summary>
    public string CgroupRoot { get; init; } = "kubelike";

    /// <summary>--service-cluster-ip-range and --service-node-port-range.</summary>
    public Kubelike.ApiServer.Services.ServiceNetworkOptions ServiceNetwork { get; init; } = new();

    /// <summary>Where the local-path provisioner makes its hostPath volumes (<c>--local-path-dir</c>; <c>storage/</c> in the data directory by default).</summary>
    public string? LocalPathDirectoryOption { get; init; }

    public string LocalPathDirectory => LocalPathDirectoryOption ?? Path.Combine(DataDirectory, "storage");

    /// <summary>--node-monitor-grace-period and --node-startup-grace-period.</summary>
    public Kubelike.Controllers.NodeLifecycle.NodeLifecycleOptions NodeLifecycle { get; init; } = new();

    /// <summary>--default-not-ready-toleration-seconds.</summary>
    public long DefaultNotReadyTolerationSeconds { get; init; } = 300;

    /// <summary>--default-unreachable-toleration-seconds.</summary>
    public long DefaultUnreachableTolerationSeconds { get; init; } = 300;

    public string EmbeddedPostgresDirectory => Path.Combine(DataDirectory, "postgres");
}
