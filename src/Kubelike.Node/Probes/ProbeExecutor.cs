using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using V1 = Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Probes;

/// <summary>
/// Runs one probe attempt of any handler the kubelet supports: exec (through the CRI's ExecSync), httpGet
/// (2xx and 3xx succeed) and tcpSocket (a connection succeeds), each bounded by the probe's timeoutSeconds.
/// </summary>
internal sealed class ProbeExecutor(RuntimeServiceClient runtime) : IDisposable
{
    /// <summary>Caps what a failure message quotes of a probe's output, as the kubelet truncates it.</summary>
    private const int MaxOutput = 10 * 1024;

    private readonly HttpClient _http = CreateHttpClient();

    public async Task<ProbeOutcome> RunAsync(Probe probe, Container container, string containerId, string targetIp, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1));
        if (probe.Exec is { } exec)
            return await ExecAsync(exec, containerId, timeout, cancellationToken);
        if (probe.HttpGet is { } httpGet)
            return await HttpGetAsync(httpGet, container, targetIp, timeout, cancellationToken);
        if (probe.TcpSocket is { } tcp)
            return await TcpAsync(tcp, container, targetIp, timeout, cancellationToken);
        return ProbeOutcome.Failed(probe.Grpc is not null ? "grpc probes are not supported by this node" : "the probe has no handler");
    }

    private async Task<ProbeOutcome> ExecAsync(ExecAction exec, string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new V1.ExecSyncRequest { ContainerId = containerId, Timeout = (long)timeout.TotalSeconds };
        request.Cmd.AddRange(exec.Command ?? []);
        try
        {
            var response = await runtime.ExecSyncAsync(request, timeout + TimeSpan.FromSeconds(5), cancellationToken);
            if (response.ExitCode == 0)
                return ProbeOutcome.Succeeded;
            var output = Encoding.UTF8.GetString(response.Stdout.Span) + Encoding.UTF8.GetString(response.Stderr.Span);
            return ProbeOutcome.Failed(output.Length > MaxOutput ? output[..MaxOutput] : output.TrimEnd('\n'));
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.DeadlineExceeded)
        {
            return ProbeOutcome.Failed($"command \"{string.Join(' ', exec.Command ?? [])}\" timed out");
        }
        catch (GrpcCallException e)
        {
            return ProbeOutcome.Failed(e.Message);
        }
    }

    private async Task<ProbeOutcome> HttpGetAsync(HTTPGetAction action, Container container, string targetIp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ResolvePort(action.Port, container) is not { } port)
            return ProbeOutcome.Failed($"port {action.Port} not found in the container's ports");
        var scheme = string.Equals(action.Scheme, "HTTPS", StringComparison.OrdinalIgnoreCase) ? "https" : "http";
        var host = string.IsNullOrEmpty(action.Host) ? targetIp : action.Host;
        var path = string.IsNullOrEmpty(action.Path) ? "/" : action.Path.StartsWith('/') ? action.Path : "/" + action.Path;
        var url = string.Create(CultureInfo.InvariantCulture, $"{scheme}://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}{path}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd("kube-probe/1.33");
        request.Headers.Accept.ParseAdd("*/*");
        foreach (var header in action.HttpHeaders ?? [])
        {
            if (header.Name is { Length: > 0 } name)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, header.Value ?? "");
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 400 ? ProbeOutcome.Succeeded : ProbeOutcome.Failed($"HTTP probe failed with statuscode: {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failed($"Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (HttpRequestException e)
        {
            return ProbeOutcome.Failed($"Get \"{url}\": {Describe(e)}");
        }
    }

    private static async Task<ProbeOutcome> TcpAsync(TCPSocketAction action, Container container, string targetIp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ResolvePort(action.Port, container) is not { } port)
            return ProbeOutcome.Failed($"port {action.Port} not found in the container's ports");
        var host = string.IsNullOrEmpty(action.Host) ? targetIp : action.Host;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, deadline.Token);
            return ProbeOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failed($"dial tcp {host}:{port}: i/o timeout");
        }
        catch (SocketException e)
        {
            return ProbeOutcome.Failed($"dial tcp {host}:{port}: connect: {Describe(e.SocketErrorCode)}");
        }
    }

    /// <summary>A number, or the name of one of the container's ports.</summary>
    private static int? ResolvePort(IntOrString? port, Container container)
    {
        if (port is null)
            return null;
        if (port.IsInt)
            return port.IntValue;
        if (int.TryParse(port.StringValue, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        return container.Ports?.FirstOrDefault(p => p.Name == port.StringValue)?.ContainerPortValue;
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException socket ? $"dial tcp: connect: {Describe(socket.SocketErrorCode)}" : e.Message;

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostUnreachable => "no route to host",
        SocketError.NetworkUnreachable => "network is unreachable",
        SocketError.TimedOut => "i/o timeout",
        _ => error.ToString(),
    };

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Probes check the container, not the network path or redirects' targets' certificates: upstream skips
            // verification for HTTPS probes and follows redirects only to the same host.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            UseProxy = false,
        };
#pragma warning disable CA5359 // HTTPS probes do not verify the container's certificate, exactly as the kubelet's do.
        handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _http.Dispose();
}
