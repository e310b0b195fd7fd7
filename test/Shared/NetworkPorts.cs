using System.Net;
using System.Net.Sockets;

namespace Kubelike.Testing;

/// <summary>Free loopback ports for servers that tests and benchmarks start.</summary>
internal static class NetworkPorts
{
    /// <summary>A port that was free a moment ago (the kernel's pick for port 0).</summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
