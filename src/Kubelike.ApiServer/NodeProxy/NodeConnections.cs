using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Text.Json.Nodes;
using Kubelike.ApiServer.Tls;

namespace Kubelike.ApiServer.NodeProxy;

/// <summary>
/// HTTPS connections from the API server to node agents, as kube-apiserver's to kubelets: the client certificate
/// <c>kube-apiserver-kubelet-client</c>, and the node's self-signed serving certificate accepted as upstream
/// does without <c>--kubelet-certificate-authority</c>
/// (as long as it names the address dialled). One pooled client for all nodes.
/// </summary>
internal sealed class NodeConnections(ServingCertificates certificates) : IDisposable
{
    private const int DefaultPort = 10250;

    private readonly Lazy<HttpClient> _http = new(() => Create(certificates));

    public HttpClient Http => _http.Value;

    /// <summary>The agent's base address from a Node object: its first InternalIP (else any address) and endpoint port.</summary>
    public static Uri? Endpoint(JsonObject node)
    {
        var addresses = (node["status"]?["addresses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => (Type: a["type"]?.GetValue<string>() ?? "", Address: a["address"]?.GetValue<string>() ?? ""))
            .Where(a => a.Address.Length > 0)
            .OrderBy(a => a.Type switch { "InternalIP" => 0, "ExternalIP" => 1, "Hostname" => 2, _ => 3 })
            .ToList();
        if (addresses.Count == 0)
            return null;
        var port = node["status"]?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"]?.GetValue<int>() is > 0 and var p ? p : DefaultPort;
        var host = IPAddress.TryParse(addresses[0].Address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{ip}]"
            : addresses[0].Address;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{host}:{port}/"));
    }

    private static HttpClient Create(ServingCertificates certificates)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        handler.SslOptions.ClientCertificates = [certificates.KubeletClient];
        // Self-signed is expected (no chain to check), but the certificate must name the address dialled.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            certificate is not null && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
        // Follows (logs -f) last as long as the reader stays.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
            _http.Value.Dispose();
    }
}
