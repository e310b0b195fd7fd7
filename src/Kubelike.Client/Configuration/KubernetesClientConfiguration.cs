using System.Security.Cryptography.X509Certificates;

namespace Kubelike.Client.Configuration;

/// <summary>
/// Everything a client needs to reach one cluster: the server, how to trust it, how to authenticate, the default
/// namespace. Build it from a kubeconfig (<see cref="FromKubeconfig"/>), from inside a pod (<see cref="InCluster"/>),
/// or set the properties directly (<c>with</c> copies one with changes).
/// </summary>
public sealed record KubernetesClientConfiguration
{
    /// <summary>The API server, e.g. <c>https://127.0.0.1:6443/</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The CAs the server's certificate must chain to; when empty, the system's trust store decides.</summary>
    public X509Certificate2Collection CertificateAuthorities { get; init; } = [];

    /// <summary>The client certificate (with its private key) to present, if any.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The bearer token for each request, if any.</summary>
    public TokenSource? Token { get; init; }

    /// <summary>Accept any server certificate. For tests only: it makes the connection open to interception.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to check the server's certificate against (and send as SNI), when not the host of <see cref="Server"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The namespace of the context (or of the pod), used when a call names none.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The longest one request (not a watch) may take, per attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How transient failures are retried.</summary>
    public RetryPolicyOptions Retry { get; init; } = new();

    /// <summary>Sent as the User-Agent header.</summary>
    public string UserAgent { get; init; } = "kubelike-client/v1";

    /// <summary>
    /// Loads a kubeconfig: <paramref name="path"/>, else the files in <c>$KUBECONFIG</c> (merged, the first
    /// definition of a name wins), else <c>~/.kube/config</c>; with <paramref name="context"/> or the current context.
    /// </summary>
    public static KubernetesClientConfiguration FromKubeconfig(string? path = null, string? context = null) =>
        KubeconfigLoader.Load(path, context);

    /// <summary>The configuration of a pod: the service account's token, CA and namespace, and the kubernetes service.</summary>
    public static KubernetesClientConfiguration InCluster() => InClusterConfiguration.Load();

    /// <summary>In a pod when <see cref="InClusterConfiguration.IsInCluster"/> says so, else the default kubeconfig.</summary>
    public static KubernetesClientConfiguration Default() =>
        InClusterConfiguration.IsInCluster() ? InCluster() : FromKubeconfig();
}
