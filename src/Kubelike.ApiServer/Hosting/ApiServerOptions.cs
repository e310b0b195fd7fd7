using System.Net;

namespace Kubelike.ApiServer.Hosting;

/// <summary>Where the API server listens and keeps its files.</summary>
public sealed class ApiServerOptions
{
    /// <summary>The server's data directory; pki/ and kubeconfig go here.</summary>
    public required string DataDirectory { get; init; }

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    public int SecurePort { get; init; } = 6443;

    /// <summary>Where Service cluster IPs and node ports come from.</summary>
    public Services.ServiceNetworkOptions ServiceNetwork { get; init; } = new();

    /// <summary><c>--default-not-ready-toleration-seconds</c>: the not-ready toleration DefaultTolerationSeconds gives pods.</summary>
    public long DefaultNotReadyTolerationSeconds { get; init; } = 300;

    /// <summary><c>--default-unreachable-toleration-seconds</c>: the unreachable toleration DefaultTolerationSeconds gives pods.</summary>
    public long DefaultUnreachableTolerationSeconds { get; init; } = 300;

    public string PkiDirectory => Path.Combine(DataDirectory, "pki");

    public string AdminKubeconfigPath => Path.Combine(DataDirectory, "kubeconfig");

    /// <summary>The URL local clients use: loopback when the server listens on a wildcard or loopback address.</summary>
    public Uri ClientUrl
    {
        get
        {
            var host = BindAddress switch
            {
                _ when BindAddress.Equals(IPAddress.IPv6Loopback) => "[::1]",
                _ when BindAddress.Equals(IPAddress.Any) || BindAddress.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(BindAddress) => "127.0.0.1",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"[{BindAddress}]",
                _ => BindAddress.ToString(),
            };
            return new Uri($"https://{host}:{SecurePort}");
        }
    }
}
