using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kubelike.Api;
using Kubelike.Node.Agent;
using Kubelike.Node.Logs;
using Kubelike.Node.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubelike.Node.Serving;

/// <summary>
/// The node agent's HTTPS endpoint (the kubelet's port 10250): what the API server proxies pod subresources to.
/// Only clients holding a cluster-CA certificate for the API server's kubelet client (or an admin) get through.
/// </summary>
public sealed class NodeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NodeServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port it listens on (the one asked for, or the one the system chose for 0).</summary>
    public int Port { get; }

    public static async Task<NodeServer> StartAsync(NodeAgentOptions options, X509Certificate2Collection authorities, IPAddress advertisedAddress, ContainerLogs logs, PodStreams streams,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authorizer = new NodeClientAuthorizer(authorities);
        var certificate = NodeServingCertificate.Create(options.NodeName, [advertisedAddress]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.ListenAddress, options.ListenPort, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                ClientCertificateValidation = (client, _, _) => authorizer.IsAllowed(client),
            }));
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/containerLogs/{ns}/{pod}/{container}", (HttpContext context, string ns, string pod, string container) =>
            ContainerLogsAsync(context, logs, ns, pod, container));
        // GET for WebSocket clients, POST for SPDY ones (kubectl's fallback), as the kubelet.
        string[] upgradeMethods = ["GET", "POST"];
        var streamLogger = loggerFactory.CreateLogger("Kubelike.Node.Streaming");
        app.MapMethods("/exec/{ns}/{pod}/{container}", upgradeMethods, (HttpContext context, string ns, string pod, string container) =>
            StreamAsync(context, streamLogger, () => streams.ExecAsync(context, ns, pod, container)));
        app.MapMethods("/attach/{ns}/{pod}/{container}", upgradeMethods, (HttpContext context, string ns, string pod, string container) =>
            StreamAsync(context, streamLogger, () => streams.AttachAsync(context, ns, pod, container)));
        app.MapMethods("/portForward/{ns}/{pod}", upgradeMethods, (HttpContext context, string ns, string pod) =>
            StreamAsync(context, streamLogger, () => streams.PortForwardAsync(context, ns, pod)));
        app.MapGet("/healthz", () => "ok");
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("the node endpoint did not report its address");
        var address = addresses.Addresses.First();
        // Kestrel reports a wildcard bind as http(s)://0.0.0.0:PORT or [::]; only the port matters here.
        var port = int.Parse(address[(address.LastIndexOf(':') + 1)..].TrimEnd('/'), CultureInfo.InvariantCulture);
        return new NodeServer(app, port);
    }

    private static async Task ContainerLogsAsync(HttpContext context, ContainerLogs logs, string ns, string pod, string container)
    {
        var query = context.Request.Query;
        ContainerLogOptions options;
        try
        {
            options = new ContainerLogOptions
            {
                Follow = Flag(query["follow"]),
                Previous = Flag(query["previous"]),
                Timestamps = Flag(query["timestamps"]),
                TailLines = Number(query["tailLines"]),
                LimitBytes = Number(query["limitBytes"]),
                Since = Number(query["sinceSeconds"]) is { } seconds
                    ? DateTimeOffset.UtcNow.AddSeconds(-seconds)
                    : query["sinceTime"].ToString() is { Length: > 0 } time ? DateTimeOffset.Parse(time, CultureInfo.InvariantCulture) : null,
            };
        }
        catch (FormatException e)
        {
            await WriteStatusAsync(context, 400, "BadRequest", e.Message);
            return;
        }

        context.Response.ContentType = "text/plain";
        try
        {
            await logs.StreamAsync(ns, pod, container, options, context.Response.Body, context.RequestAborted);
        }
        catch (ContainerLogException e) when (!context.Response.HasStarted)
        {
            await WriteStatusAsync(context, e.StatusCode, e.StatusCode == 404 ? "NotFound" : "BadRequest", e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The reader went away (kubectl logs -f interrupted).
        }
    }

    private static async Task StreamAsync(HttpContext context, ILogger logger, Func<Task> stream)
    {
        try
        {
            await stream();
        }
        catch (StreamRequestException e) when (!context.Response.HasStarted)
        {
            await WriteStatusAsync(context, e.StatusCode, e.Reason, e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-session.
        }
        catch (Exception e) when (context.Response.HasStarted)
        {
            // Mid-session there is no status to answer with; the connection just ends.
            logger.LogWarning(e, "{Method} {Path}: the stream failed", context.Request.Method, context.Request.Path);
        }
    }

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is "true" or "1" or "True";

    private static long? Number(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is { Length: > 0 } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static async Task WriteStatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        var status = new Kubelike.Api.Meta.V1.Status { ApiVersion = "v1", Kind = "Status", Metadata = new Kubelike.Api.Meta.V1.ListMeta(), StatusValue = "Failure", Message = message, Reason = reason, Code = code };
        await context.Response.WriteAsync(KubernetesJson.Serialize(status), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
