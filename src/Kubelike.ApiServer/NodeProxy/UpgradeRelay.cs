using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kubelike.ApiServer.NodeProxy;

/// <summary>
/// Hands an HTTP upgrade request (WebSocket or SPDY/3.1) on to a node agent unchanged and, once that
/// answers 101, joins the two connections byte for byte, as kube-apiserver's upgrade-aware proxy does. The handshake
/// headers travel both ways, so the client and the node agree on the protocol without the API server reading it.
/// </summary>
internal static class UpgradeRelay
{
    private static readonly string[] RequestHeaders =
        ["Upgrade", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol", "X-Stream-Protocol-Version"];

    private static readonly string[] ResponseHeaders =
        ["Upgrade", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol", "X-Stream-Protocol-Version"];

    public static async Task RelayAsync(HttpContext context, HttpClient client, Uri target)
    {
        var cancellation = context.RequestAborted;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        foreach (var name in RequestHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
                request.Headers.TryAddWithoutValidation(name, values.ToArray().OfType<string>());
        }

        // Headers only: after a 101 the content is the upgraded connection, which never ends by itself.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols || upgrade is null)
        {
            // The node's refusal (its Status, or an unknown subprotocol) reaches the client as it was, so it can fall back.
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
                context.Response.ContentType = type.ToString();
            await response.Content.CopyToAsync(context.Response.Body, cancellation);
            return;
        }

        foreach (var name in ResponseHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
                context.Response.Headers[name] = values.ToArray();
        }

        await using var upstream = await response.Content.ReadAsStreamAsync(cancellation);
        await using var downstream = await upgrade.UpgradeAsync();
        await JoinAsync(downstream, upstream, cancellation);
    }

    /// <summary>Copies both ways until either side ends, then closes both (the protocols end sessions themselves).</summary>
    public static async Task JoinAsync(Stream a, Stream b, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var forward = CopyAsync(a, b, stop.Token);
        var backward = CopyAsync(b, a, stop.Token);
        await Task.WhenAny(forward, backward);
        await stop.CancelAsync();
        await Task.WhenAll(Quietly(forward), Quietly(backward));
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await to.FlushAsync(cancellationToken);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // A connection closed under a copy: the session is over either way.
        }
    }
}
