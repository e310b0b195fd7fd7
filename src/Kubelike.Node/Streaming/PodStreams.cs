using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;
using Kubelike.Node.Pods;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Pod = Kubelike.Api.Core.V1.Pod;

namespace Kubelike.Node.Streaming;

/// <summary>
/// The node's exec, attach and port-forward endpoints (the kubelet's <c>/exec</c>, <c>/attach</c>, <c>/portForward</c>):
/// the pod and container are looked up in what this agent runs, the runtime is asked for a streaming URL (CRI
/// <c>Exec</c>/<c>Attach</c>/<c>PortForward</c>), and the client's upgraded connection is joined to containerd's
/// streaming server. Where containerd lacks a protocol the client speaks (WebSocket <c>v5.channel.k8s.io</c>, SPDY
/// tunneled in a WebSocket) the agent translates, speaking SPDY to containerd itself.
/// </summary>
public sealed class PodStreams(RuntimeServiceClient runtime, Func<string, string, Pod?> findPod) : IDisposable
{
    private readonly HttpMessageInvoker _streaming = new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    });

    public async Task ExecAsync(HttpContext context, string ns, string podName, string container)
    {
        var query = context.Request.Query;
        var command = query["command"].OfType<string>().ToList();
        if (command.Count == 0)
            throw StreamRequestException.BadRequest("you must specify at least one command for the container");
        var (stdin, stdout, stderr, tty) = Streams(query);
        var containerId = RunningContainer(ns, podName, container);
        RequireUpgrade(context);
        var response = await CallAsync(() => runtime.ExecAsync(new ExecRequest
        {
            ContainerId = containerId,
            Cmd = { command },
            Stdin = stdin,
            Stdout = stdout,
            Stderr = stderr,
            Tty = tty,
        }, cancellationToken: context.RequestAborted));
        await ServeRemoteCommandAsync(context, new Uri(response.Url), stdin, stdout, stderr, tty);
    }

    public async Task AttachAsync(HttpContext context, string ns, string podName, string container)
    {
        var (stdin, stdout, stderr, tty) = Streams(context.Request.Query);
        var containerId = RunningContainer(ns, podName, container);
        RequireUpgrade(context);
        var response = await CallAsync(() => runtime.AttachAsync(new AttachRequest
        {
            ContainerId = containerId,
            Stdin = stdin,
            Stdout = stdout,
            Stderr = stderr,
            Tty = tty,
        }, cancellationToken: context.RequestAborted));
        await ServeRemoteCommandAsync(context, new Uri(response.Url), stdin, stdout, stderr, tty);
    }

    public async Task PortForwardAsync(HttpContext context, string ns, string podName)
    {
        var pod = findPod(ns, podName) ?? throw StreamRequestException.NotFound($"pod \"{podName}\" not found");
        var ports = Ports(context.Request.Query["port"]);
        RequireUpgrade(context);
        var sandboxes = await CallAsync(() => runtime.ListPodSandboxAsync(new ListPodSandboxRequest
        {
            Filter = new PodSandboxFilter
            {
                LabelSelector = { [PodRuntime.PodUidLabel] = pod.Metadata!.Uid! },
                State = new PodSandboxStateValue { State = PodSandboxState.SandboxReady },
            },
        }, cancellationToken: context.RequestAborted));
        var sandbox = sandboxes.Items.OrderByDescending(s => s.CreatedAt).FirstOrDefault()
            ?? throw StreamRequestException.BadRequest($"pod \"{podName}\" has no running sandbox to forward ports of");
        var response = await CallAsync(() => runtime.PortForwardAsync(new PortForwardRequest { PodSandboxId = sandbox.Id, Port = { ports } },
            cancellationToken: context.RequestAborted));
        if (WebSocketPortForwardTunnel.IsRequested(context))
            await WebSocketPortForwardTunnel.ServeAsync(context, _streaming, new Uri(response.Url));
        else
            await UpgradeRelay.RelayAsync(context, _streaming, new Uri(response.Url));
    }

    /// <summary>WebSocket v5 is translated to SPDY; what containerd speaks itself (SPDY, WebSocket up to v4) is relayed.</summary>
    private Task ServeRemoteCommandAsync(HttpContext context, Uri url, bool stdin, bool stdout, bool stderr, bool tty) =>
        WebSocketRemoteCommand.IsRequested(context)
            ? WebSocketRemoteCommand.ServeAsync(context, _streaming, url, stdin, stdout, stderr, tty)
            : UpgradeRelay.RelayAsync(context, _streaming, url);

    /// <summary>The id of the named container's running instance, or why there is none.</summary>
    private string RunningContainer(string ns, string podName, string container)
    {
        var pod = findPod(ns, podName) ?? throw StreamRequestException.NotFound($"pod \"{podName}\" not found");
        var statuses = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.EphemeralContainerStatuses ?? []);
        var status = statuses.FirstOrDefault(s => s.Name == container);
        if (status?.State?.Running is null || status.ContainerID is not { Length: > 0 } id)
        {
            var why = status?.State?.Waiting is { } waiting ? $"is waiting to start: {waiting.Reason}"
                : status?.State?.Terminated is { } terminated ? $"has terminated ({terminated.Reason})"
                : "is not running";
            throw StreamRequestException.BadRequest($"container \"{container}\" in pod \"{podName}\" {why}");
        }

        // containerStatuses carry RUNTIME://ID.
        return id[(id.IndexOf("://", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : 0)..];
    }

    private static (bool Stdin, bool Stdout, bool Stderr, bool Tty) Streams(IQueryCollection query)
    {
        var streams = (Flag(query["stdin"]), Flag(query["stdout"]), Flag(query["stderr"]), Flag(query["tty"]));
        if (!streams.Item1 && !streams.Item2 && !streams.Item3)
            throw StreamRequestException.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
        return streams;
    }

    private static bool Flag(StringValues value) => value.ToString() is "true" or "1" or "True";

    private static List<int> Ports(StringValues values)
    {
        var ports = new List<int>();
        foreach (var text in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                throw StreamRequestException.BadRequest($"invalid port \"{text}\": the port must be between 1 and 65535");
            ports.Add(port);
        }

        return ports;
    }

    private static void RequireUpgrade(HttpContext context)
    {
        if (context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
            throw StreamRequestException.BadRequest("Upgrade request required");
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.NotFound)
        {
            throw StreamRequestException.NotFound(e.Detail);
        }
        catch (GrpcCallException e) when (e.StatusCode is GrpcStatusCode.InvalidArgument or GrpcStatusCode.FailedPrecondition)
        {
            throw StreamRequestException.BadRequest(e.Detail);
        }
    }

    public void Dispose() => _streaming.Dispose();
}
