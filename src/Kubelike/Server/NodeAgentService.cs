using Kubelike.ApiServer.Hosting;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.Server;

/// <summary>
/// The in-process node agent: once the API serves, it connects as the admin kubeconfig's user, as a separate
/// agent would, registers the node and runs its pods through the container runtime endpoint.
/// </summary>
internal sealed class NodeAgentService(ServerOptions options, ApiServerOptions apiServer, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory)
    : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Kubelike.Node");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(started.SetResult))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            // The admin kubeconfig is written on ApplicationStarted too; wait for it rather than race it.
            while (!File.Exists(apiServer.AdminKubeconfigPath))
                await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
            using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(apiServer.AdminKubeconfigPath));
            await using var agent = new NodeAgent(client, new NodeAgentOptions
            {
                NodeName = options.NodeName,
                RuntimeEndpoint = options.ContainerRuntimeEndpoint!,
                DataDirectory = Path.Combine(options.DataDirectory, "node"),
                CgroupRoot = options.CgroupRoot,
                ListenPort = options.NodePort,
            }, loggerFactory);
            await agent.StartAsync(stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The API keeps serving without a node, as a control plane whose kubelet is down does.
            _logger.LogError("node agent {Node} could not start ({Endpoint}): {Reason}", options.NodeName, options.ContainerRuntimeEndpoint, e.Message);
        }
    }
}
