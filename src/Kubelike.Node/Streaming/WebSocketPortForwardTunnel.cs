using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kubelike.Node.Streaming;

/// <summary>
/// kubectl's port-forward over WebSocket (<c>SPDY/3.1+portforward.k8s.io</c>, kubectl ≥ 1.31): the WebSocket's binary
/// messages carry a SPDY session as one byte stream. containerd only takes SPDY as a plain upgrade, so the agent opens
/// that and carries the bytes across unchanged, as kube-apiserver's tunneling handler does towards a kubelet.
/// </summary>
internal static class WebSocketPortForwardTunnel
{
    public const string Protocol = "SPDY/3.1+portforward.k8s.io";
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

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
        // ASP.NET refuses '/' in a subprotocol name (not an RFC 6455 token), so the handshake is answered here.
        using var socket = await AcceptAsync(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var toRuntime = ToRuntimeAsync(socket, upstream, stop.Token);
        var toClient = ToClientAsync(upstream, socket, stop.Token);
        var first = await Task.WhenAny(toRuntime, toClient);
        if (first == toClient)
        {
            // The runtime ended the session and the close is sent: let the client answer it (cancelling a pending
            // receive would abort the connection under the last bytes).
            await Task.WhenAny(toRuntime, Task.Delay(CloseTimeout, cancellation));
        }

        await stop.CancelAsync();
        await upstream.DisposeAsync();
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

    private static async Task<WebSocket> AcceptAsync(HttpContext context)
    {
        var key = context.Request.Headers["Sec-WebSocket-Key"].ToString();
        context.Response.Headers["Upgrade"] = "websocket";
#pragma warning disable CA5350 // RFC 6455 defines the accept value with SHA-1; it proves the handshake, it protects nothing.
        context.Response.Headers["Sec-WebSocket-Accept"] = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
#pragma warning restore CA5350
        context.Response.Headers["Sec-WebSocket-Protocol"] = Protocol;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>() ?? throw StreamRequestException.BadRequest("Upgrade request required");
        var stream = await upgrade.UpgradeAsync();
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.FromSeconds(30) });
    }

    private static async Task ToRuntimeAsync(WebSocket socket, Stream upstream, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                return;
            }

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
