using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Kubelike.Node.Streaming;

/// <summary>
/// Exec and attach for WebSocket <c>v5.channel.k8s.io</c> clients (kubectl ≥ 1.30), which containerd's streaming server
/// does not speak: the agent accepts the WebSocket and drives the same session over SPDY with the
/// <c>v4.channel.k8s.io</c> remote-command protocol, as kube-apiserver's stream translator does towards a kubelet.
/// Binary messages carry one channel byte: 0 stdin, 1 stdout, 2 stderr, 3 the final Status, 4 resize, 255 close
/// (<c>[255, 0]</c> ends stdin).
/// </summary>
internal static class WebSocketRemoteCommand
{
    public const string V5Protocol = "v5.channel.k8s.io";
    private const string SpdyRemoteCommandProtocol = "v4.channel.k8s.io";
    private const byte StdinChannel = 0;
    private const byte StdoutChannel = 1;
    private const byte StderrChannel = 2;
    private const byte ErrorChannel = 3;
    private const byte ResizeChannel = 4;
    private const byte CloseChannel = 255;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    public static bool IsRequested(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains(V5Protocol);

    public static async Task ServeAsync(HttpContext context, HttpMessageInvoker client, Uri target, bool stdin, bool stdout, bool stderr, bool tty)
    {
        var cancellation = context.RequestAborted;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "SPDY/3.1");
        request.Headers.TryAddWithoutValidation("X-Stream-Protocol-Version", SpdyRemoteCommandProtocol);
        using var response = await client.SendAsync(request, cancellation);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            throw new StreamRequestException(500, "InternalError", $"the runtime refused the stream ({(int)response.StatusCode}): {text.Trim()}");
        }

        await using var spdy = new SpdyClientConnection(await response.Content.ReadAsStreamAsync(cancellation));
        // The error stream first, as kubectl opens it: the server writes the exit Status on it.
        var channels = new Dictionary<uint, byte> { [await spdy.OpenStreamAsync([("streamtype", "error")], cancellation)] = ErrorChannel };
        uint? stdinStream = stdin ? await spdy.OpenStreamAsync([("streamtype", "stdin")], cancellation) : null;
        if (stdout)
            channels[await spdy.OpenStreamAsync([("streamtype", "stdout")], cancellation)] = StdoutChannel;
        if (stderr)
            channels[await spdy.OpenStreamAsync([("streamtype", "stderr")], cancellation)] = StderrChannel;
        uint? resizeStream = tty ? await spdy.OpenStreamAsync([("streamtype", "resize")], cancellation) : null;

        using var socket = await context.WebSockets.AcceptWebSocketAsync(V5Protocol);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var input = ForwardInputAsync(socket, spdy, stdinStream, resizeStream, stop.Token);
        // A client that closes first (interrupted) ends the session: the output loop below stops.
        using var clientGone = new CancellationTokenSource();
        _ = input.ContinueWith(_ => clientGone.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var output = CancellationTokenSource.CreateLinkedTokenSource(cancellation, clientGone.Token);
        try
        {
            await foreach (var data in spdy.Incoming.ReadAllAsync(output.Token))
            {
                if (data.Data.Length == 0 || !channels.TryGetValue(data.StreamId, out var channel))
                    continue;
                var message = new byte[data.Data.Length + 1];
                message[0] = channel;
                data.Data.CopyTo(message, 1);
                await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, output.Token);
            }

            // containerd ends the session once the command has exited and its Status is written.
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellation);
            // Wait for the client's close before leaving: cancelling a pending receive aborts the connection, which
            // can drop the last messages (the Status) still on their way out.
            await Task.WhenAny(input, Task.Delay(CloseTimeout, cancellation));
        }
        catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
        {
            // The client closed (or dropped) the socket before the command ended.
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await input;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
                // The client left, or the session ended under the reader.
            }
        }
    }

    /// <summary>The client's stdin, resize events and stdin close, onto their SPDY streams.</summary>
    private static async Task ForwardInputAsync(WebSocket socket, SpdyClientConnection spdy, uint? stdinStream, uint? resizeStream, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
                continue;
            var bytes = message.ToArray();
            message.SetLength(0);
            if (bytes.Length == 0)
                continue;
            var payload = bytes.AsMemory(1);
            switch (bytes[0])
            {
                case StdinChannel when stdinStream is { } id && payload.Length > 0:
                    await spdy.SendAsync(id, payload, fin: false, cancellationToken);
                    break;
                case ResizeChannel when resizeStream is { } id && payload.Length > 0:
                    await spdy.SendAsync(id, payload, fin: false, cancellationToken);
                    break;
                case CloseChannel when payload.Length > 0 && payload.Span[0] == StdinChannel && stdinStream is { } id:
                    await spdy.SendAsync(id, ReadOnlyMemory<byte>.Empty, fin: true, cancellationToken);
                    stdinStream = null;
                    break;
                default:
                    break;
            }
        }
    }
}
