using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kubelike.Node.Tests.Grpc;

/// <summary>The gRPC client's handling of what a server may answer, against a Kestrel gRPC peer.</summary>
[TestFixture]
public sealed class UnixSocketGrpcChannelTests
{
    private static readonly GrpcMethod<VersionRequest, VersionResponse> Echo = new("test.Fake", "Echo", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> TrailersOnly = new("test.Fake", "TrailersOnly", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> ErrorAfterHeaders = new("test.Fake", "ErrorAfterHeaders", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> NoMessage = new("test.Fake", "NoMessage", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> TwoMessages = new("test.Fake", "TwoMessages", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> Truncated = new("test.Fake", "Truncated", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> Slow = new("test.Fake", "Slow", VersionResponse.Parser);
    private static readonly GrpcMethod<VersionRequest, VersionResponse> Missing = new("test.Fake", "Missing", VersionResponse.Parser);

    private FakeGrpcServer _server = null!;
    private UnixSocketGrpcChannel _channel = null!;
    private TaskCompletionSource _slowCallAborted = new();

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await FakeGrpcServer.StartAsync(app =>
        {
            // Echoes the request's version and reports the grpc-timeout and te headers it received.
            app.MapPost(Echo.Path, async context =>
            {
                var request = await FakeGrpcServer.ReadRequestAsync(context, VersionRequest.Parser);
                await FakeGrpcServer.ReplyAsync(context, GrpcStatusCode.OK, null, new VersionResponse
                {
                    Version = request.Version,
                    RuntimeName = context.Request.Headers["grpc-timeout"].ToString(),
                    RuntimeVersion = context.Request.Headers["te"].ToString(),
                });
            });
            app.MapPost(TrailersOnly.Path, context =>
            {
                FakeGrpcServer.ReplyTrailersOnly(context, GrpcStatusCode.NotFound, "caf%C3%A9 %25 not found");
                return Task.CompletedTask;
            });
            app.MapPost(ErrorAfterHeaders.Path, context => FakeGrpcServer.ReplyAsync(context, GrpcStatusCode.FailedPrecondition, "sandbox not ready"));
            app.MapPost(NoMessage.Path, context => FakeGrpcServer.ReplyAsync(context, GrpcStatusCode.OK, null));
            app.MapPost(TwoMessages.Path, context =>
                FakeGrpcServer.ReplyAsync(context, GrpcStatusCode.OK, null, new VersionResponse { Version = "a" }, new VersionResponse { Version = "b" }));
            app.MapPost(Truncated.Path, async context =>
            {
                context.Response.ContentType = "application/grpc";
                context.Response.DeclareTrailer("grpc-status");
                await context.Response.Body.WriteAsync(FakeGrpcServer.FrameHeader(100));
                await context.Response.Body.WriteAsync(new byte[10]);
                context.Response.AppendTrailer("grpc-status", "0");
            });
            // Never answers; records that the client's reset reached the server.
            app.MapPost(Slow.Path, async context =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    _slowCallAborted.TrySetResult();
                }
            });
        });
        _channel = new UnixSocketGrpcChannel(_server.SocketPath);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task A_unary_call_sends_its_request_with_a_deadline_and_returns_the_response()
    {
        var response = await _channel.CallAsync(Echo, new VersionRequest { Version = "v1" }, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(response.Version, Is.EqualTo("v1"));
            Assert.That(response.RuntimeName, Is.EqualTo("30000000u"), "grpc-timeout: 30 s in the finest unit that fits 8 digits");
            Assert.That(response.RuntimeVersion, Is.EqualTo("trailers"), "te");
        });
    }

    [Test]
    public async Task Concurrent_calls_share_the_connection()
    {
        var calls = Enumerable.Range(0, 50).Select(i => _channel.CallAsync(Echo, new VersionRequest { Version = $"v{i}" }));

        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r.Version), Is.EqualTo(Enumerable.Range(0, 50).Select(i => $"v{i}")));
    }

    [Test]
    public void A_trailers_only_error_gives_its_status_and_decoded_message()
    {
        var error = Assert.ThrowsAsync<GrpcCallException>(() => _channel.CallAsync(TrailersOnly, new VersionRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.NotFound));
            Assert.That(error.Detail, Is.EqualTo("café % not found"));
            Assert.That(error.Method, Is.EqualTo("/test.Fake/TrailersOnly"));
        });
    }

    [Test]
    public void An_error_in_the_trailers_gives_its_status()
    {
        var error = Assert.ThrowsAsync<GrpcCallException>(() => _channel.CallAsync(ErrorAfterHeaders, new VersionRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.FailedPrecondition));
            Assert.That(error.Detail, Is.EqualTo("sandbox not ready"));
        });
    }

    [TestCase("NoMessage", GrpcStatusCode.Internal)]
    [TestCase("TwoMessages", GrpcStatusCode.Internal)]
    [TestCase("Truncated", GrpcStatusCode.Internal)]
    [TestCase("Missing", GrpcStatusCode.Unimplemented)]
    public void A_malformed_answer_fails_with_a_status(string method, GrpcStatusCode expected)
    {
        var target = new[] { NoMessage, TwoMessages, Truncated, Missing }.Single(m => m.Name == method);

        var error = Assert.ThrowsAsync<GrpcCallException>(() => _channel.CallAsync(target, new VersionRequest()));

        Assert.That(error!.StatusCode, Is.EqualTo(expected), error.Message);
    }

    [Test]
    public void A_response_over_the_size_limit_fails_with_ResourceExhausted()
    {
        using var channel = new UnixSocketGrpcChannel(_server.SocketPath, new GrpcChannelOptions { MaxReceiveMessageSize = 8 });

        var error = Assert.ThrowsAsync<GrpcCallException>(() => channel.CallAsync(Echo, new VersionRequest { Version = new string('x', 100) }));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
    }

    [Test]
    public async Task A_passed_deadline_fails_with_DeadlineExceeded_and_resets_the_call_on_the_server()
    {
        _slowCallAborted = new TaskCompletionSource();

        var error = Assert.ThrowsAsync<GrpcCallException>(() => _channel.CallAsync(Slow, new VersionRequest(), TimeSpan.FromMilliseconds(200)));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        await _slowCallAborted.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Test]
    public async Task Cancelling_throws_OperationCanceledException_and_resets_the_call_on_the_server()
    {
        _slowCallAborted = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(() => _channel.CallAsync(Slow, new VersionRequest(), cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        await _slowCallAborted.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Test]
    public void A_deadline_already_passed_fails_without_a_call()
    {
        var error = Assert.ThrowsAsync<GrpcCallException>(() => _channel.CallAsync(Slow, new VersionRequest(), TimeSpan.Zero));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
    }
}
