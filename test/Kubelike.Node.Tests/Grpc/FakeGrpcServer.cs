using System.Buffers.Binary;
using Google.Protobuf;
using Kubelike.Node.Cri.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Kubelike.Node.Tests.Grpc;

/// <summary>
/// A gRPC peer on a unix socket (Kestrel, HTTP/2 cleartext) whose handlers answer the way a runtime might, including
/// the unusual ways (trailers-only errors, no message, resets), which containerd cannot be made to produce on demand.
/// </summary>
public sealed class FakeGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGrpcServer(WebApplication app, string socketPath)
    {
        _app = app;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    public static async Task<FakeGrpcServer> StartAsync(Action<WebApplication> map)
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"kl-grpc-{Guid.NewGuid():N}.sock");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new FakeGrpcServer(app, socketPath);
    }

    /// <summary>Reads the request's single framed message.</summary>
    public static async Task<T> ReadRequestAsync<T>(HttpContext context, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var payload = await GrpcFrame.ReadAsync(context.Request.Body, 1 << 20, null, context.RequestAborted)
            ?? throw new InvalidOperationException("no request message");
        return parser.ParseFrom(payload);
    }

    /// <summary>Answers with <paramref name="messages"/> framed, then the status in the trailers.</summary>
    public static async Task ReplyAsync(HttpContext context, GrpcStatusCode status, string? message, params IMessage[] messages)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.DeclareTrailer("grpc-status");
        foreach (var reply in messages)
            await context.Response.Body.WriteAsync(GrpcFrame.Encode(reply));
        context.Response.AppendTrailer("grpc-status", ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
            context.Response.AppendTrailer("grpc-message", message);
    }

    /// <summary>A trailers-only answer: the status in the response headers, no body.</summary>
    public static void ReplyTrailersOnly(HttpContext context, GrpcStatusCode status, string message)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = message;
    }

    /// <summary>A raw frame header claiming <paramref name="length"/> bytes.</summary>
    public static byte[] FrameHeader(uint length)
    {
        var header = new byte[GrpcFrame.HeaderLength];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(SocketPath);
    }
}
