using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Google.Protobuf;

namespace Kubelike.Node.Cri.Grpc;

/// <summary>
/// A small gRPC client for unary calls over a unix domain socket: HTTP/2 cleartext with prior knowledge
/// (as containerd and CRI-O serve CRI), one pooled connection multiplexing concurrent calls. It exists because
/// the Grpc.Net client packages cannot be restored here.
/// <para>
/// Each call carries a deadline (<c>grpc-timeout</c>; the channel's default unless the caller gives one) that is
/// also enforced locally. A non-OK status, from the trailers or from a trailers-only response, becomes a
/// <see cref="GrpcCallException"/>; so do transport failures (Unavailable) and a passed deadline
/// (DeadlineExceeded). Cancelling the caller's token throws <see cref="OperationCanceledException"/> and resets
/// the HTTP/2 stream, which cancels the call on the server.
/// </para>
/// </summary>
public sealed class UnixSocketGrpcChannel : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");

    private readonly HttpClient _http;

    public UnixSocketGrpcChannel(string socketPath, GrpcChannelOptions? options = null)
    {
        SocketPath = socketPath;
        Options = options ?? new GrpcChannelOptions();
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = Options.ConnectTimeout,
            ConnectCallback = ConnectAsync,
            // Past 100 concurrent streams (the usual server limit) open another connection instead of queueing.
            EnableMultipleHttp2Connections = true,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler)
        {
            // The authority is not used for routing on a unix socket; gRPC servers only need one.
            BaseAddress = new Uri("http://localhost"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // Deadlines are per call (grpc-timeout), not HttpClient's.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string SocketPath { get; }

    public GrpcChannelOptions Options { get; }

    /// <summary>
    /// Calls <paramref name="method"/> with <paramref name="request"/> and returns its one response message.
    /// <paramref name="timeout"/> overrides the channel's default deadline; <see cref="Timeout.InfiniteTimeSpan"/>
    /// means none.
    /// </summary>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = timeout ?? Options.DefaultTimeout;
        var hasDeadline = deadline != Timeout.InfiniteTimeSpan;
        if (hasDeadline && deadline <= TimeSpan.Zero)
            throw new GrpcCallException(method.Path, GrpcStatusCode.DeadlineExceeded, "the deadline had passed before the call started");

        using var callSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (hasDeadline)
            callSource.CancelAfter(deadline);
        var token = callSource.Token;

        using var message = new HttpRequestMessage(HttpMethod.Post, method.Path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFrame.Encode(request)),
        };
        message.Content.Headers.ContentType = GrpcContentType;
        message.Headers.TryAddWithoutValidation("te", "trailers");
        message.Headers.TryAddWithoutValidation("user-agent", "kubelike-grpc/1");
        if (hasDeadline)
            message.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(deadline));

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            return await ReadResponseAsync(method, response, token);
        }
        catch (Exception e) when (e is not GrpcCallException && callSource.IsCancellationRequested)
        {
            // Whatever the transport threw once the call was cancelled: the caller's cancellation, or the deadline.
            cancellationToken.ThrowIfCancellationRequested();
            throw new GrpcCallException(method.Path, GrpcStatusCode.DeadlineExceeded, $"the deadline of {deadline} passed", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw TransportFailure(method.Path, e);
        }
    }

    private GrpcCallException TransportFailure(string method, Exception e)
    {
        // The server reset the stream (RST_STREAM) or the connection (GOAWAY) with an HTTP/2 error code.
        if ((e as HttpProtocolException ?? e.InnerException as HttpProtocolException) is { } reset)
        {
            var code = reset.ErrorCode switch
            {
                0x7 => GrpcStatusCode.Unavailable, // REFUSED_STREAM
                0x8 => GrpcStatusCode.Cancelled, // CANCEL
                0xb => GrpcStatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
                0xc => GrpcStatusCode.PermissionDenied, // INADEQUATE_SECURITY
                _ => GrpcStatusCode.Internal,
            };
            return new GrpcCallException(method, code, reset.Message, e);
        }
        return new GrpcCallException(method, GrpcStatusCode.Unavailable, $"{SocketPath}: {e.Message}", e);
    }

    private async Task<TResponse> ReadResponseAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, HttpResponseMessage response, CancellationToken token)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Not a gRPC answer at all (a proxy or a wrong endpoint): the spec's HTTP-to-gRPC mapping.
            var code = response.StatusCode switch
            {
                HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
                HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
                HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
                HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
                HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                    or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
                _ => GrpcStatusCode.Unknown,
            };
            throw new GrpcCallException(method.Path, code, $"HTTP status {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        // Trailers-only: the status arrives with the headers and there is no body (how servers send most errors).
        if (GrpcStatus.FromHeaders(response.Headers) is { } early)
        {
            early.ThrowIfError(method.Path);
            throw new GrpcCallException(method.Path, GrpcStatusCode.Internal, "trailers-only response with status OK carries no message");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
            throw new GrpcCallException(method.Path, GrpcStatusCode.Unknown, $"response content type '{mediaType}' is not application/grpc");

        var encoding = response.Headers.TryGetValues("grpc-encoding", out var encodings) ? encodings.FirstOrDefault() : null;
        byte[]? payload;
        await using (var body = await response.Content.ReadAsStreamAsync(token))
        {
            try
            {
                payload = await GrpcFrame.ReadAsync(body, Options.MaxReceiveMessageSize, encoding, token);
                // Read to the end of the stream: the trailers are only there after the body.
                if (payload is not null && await GrpcFrame.ReadAsync(body, Options.MaxReceiveMessageSize, encoding, token) is not null)
                    throw new GrpcCallException(method.Path, GrpcStatusCode.Internal, "a unary call received more than one message");
            }
            catch (GrpcFrameException e)
            {
                throw new GrpcCallException(method.Path, e.StatusCode, e.Message, e);
            }
        }

        var status = GrpcStatus.FromHeaders(response.TrailingHeaders)
            ?? throw new GrpcCallException(method.Path, GrpcStatusCode.Internal, "the response ended without a grpc-status trailer");
        status.ThrowIfError(method.Path);
        if (payload is null)
            throw new GrpcCallException(method.Path, GrpcStatusCode.Internal, "status OK but no response message");
        try
        {
            return method.ResponseParser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcCallException(method.Path, GrpcStatusCode.Internal, $"cannot decode the response: {e.Message}", e);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
