using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Kubelike.Node.Streaming;

/// <summary>
/// kubectl's port-forward over WebSocket (<c>SPDY/3.1+portforward.k8s.io</c>, kubectl ≥ 1.31): the WebSocket's binary
/// messages carry a SPDY session as one byte stream. containerd only takes SPDY as a plain upgrade, so the agent opens
/// that and carries the bytes across unchanged, as kube-apiserver's tunneling handler does towards a kubelet.
/// </summary>
internal static class WebSocketPortForwardTunnel
{
    public const string Protocol = "SPDY/3.1+portforward.k8s.io";

    public static bool IsRequested(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol);

    public static async Task ServeAsync(HttpContext context, HttpMessageInvoker client, Uri target)
    {
        var cancellation = context.RequestAborted;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "SPDY/3.1");
        request.Headers.TryAddWithoutValidation("X-Stream-Protocol-Version", "portforward.k8s.io");
        using var response = await client.SendAsync(request, cancellation);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            throw new StreamRequestException(500, "InternalError", $"the runtime refused the stream ({(int)response.StatusCode}): {text.Trim()}");
        }

        await using var upstream = await response.Content.ReadAsStreamAsync(cancellation);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var toRuntime = ToRuntimeAsync(socket, upstream, stop.Token);
        var toClient = ToClientAsync(upstream, socket, stop.Token);
        await Task.WhenAny(toRuntime, toClient);
        await stop.CancelAsync();
        foreach (var task in (Task[])[toRuntime, toClient])
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // Either end closed the session; the other follows.
            }
        }
    }

    private static async Task ToRuntimeAsync(WebSocket socket, Stream upstream, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            await upstream.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken);
            if (result.EndOfMessage)
                await upstream.FlushAsync(cancellationToken);
        }
    }

    private static async Task ToClientAsync(Stream upstream, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await upstream.ReadAsync(buffer, cancellationToken)) > 0)
            await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
    }
}
