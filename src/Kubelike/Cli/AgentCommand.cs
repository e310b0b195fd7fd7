using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Hollow;
using Microsoft.Extensions.Logging;

namespace Kubelike.Cli;

/// <summary><c>kubelike agent</c>: the node agent on its own, against any API server a kubeconfig reaches.</summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Kubeconfig of the API server to register with",
            Required = true,
        };
        var server = new Option<string?>("--server")
        {
            Description = "API server URL, overriding the kubeconfig's",
        };
        var nodeName = new Option<string?>("--node-name")
        {
            Description = "Name of the node (default: the host name)",
        };
        var runtimeEndpoint = new Option<string?>("--container-runtime-endpoint")
        {
            Description = "containerd's CRI socket (unix:///path or /path); hack/containerd.sh prints it (required unless --hollow)",
        };
        var hollow = new Option<bool>("--hollow")
        {
            Description = "Run a hollow node (no containers, simulated pods) for control-plane tests and benchmarks",
        };
        var capacity = new Option<string?>("--hollow-capacity")
        {
            Description = "Capacity of a hollow node, e.g. cpu=4,memory=8Gi,pods=110 (these are the defaults)",
        };
        var dataDirectory = new Option<string>("--data-dir")
        {
            Description = "Directory for the agent's state and pod logs (pods-like/)",
            DefaultValueFactory = _ => ".kubelike-agent",
        };
        var cgroupRoot = new Option<string>("--cgroup-root")
        {
            Description = "cgroupfs parent of the pods (hack/containerd.sh's --cgroup-root)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KUBELIKE_CGROUP_ROOT") is { Length: > 0 } root ? root : "kubelike",
        };

        var nodePort = new Option<int>("--node-port")
        {
            Description = "Port of the agent's HTTPS endpoint, which serves pod logs to the API server (0: any free port)",
            DefaultValueFactory = _ => 10250,
        };

        var command = new Command("agent", "Run the node agent against an API server")
        {
            nodePort,
            kubeconfig,
            server,
            nodeName,
            runtimeEndpoint,
            dataDirectory,
            cgroupRoot,
            hollow,
            capacity,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            }));
            var logger = loggerFactory.CreateLogger("Kubelike.Agent");
            KubernetesClientConfiguration configuration;
            try
            {
                configuration = KubernetesClientConfiguration.FromKubeconfig(parseResult.GetValue(kubeconfig));
            }
            catch (KubeconfigException e)
            {
                await Console.Error.WriteLineAsync($"kubelike agent: {e.Message}");
                return 1;
            }

            if (parseResult.GetValue(server) is { } url)
                configuration = configuration with { Server = new Uri(url) };

            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var client = new KubernetesClient(configuration);
            var name = parseResult.GetValue(nodeName) ?? Dns.GetHostName();
            if (parseResult.GetValue(hollow))
                return await RunHollowAsync(client, name, parseResult.GetValue(capacity), logger, loggerFactory, stopping.Token);
            if (parseResult.GetValue(runtimeEndpoint) is not { Length: > 0 } endpoint)
            {
                await Console.Error.WriteLineAsync("kubelike agent: --container-runtime-endpoint is required (or --hollow)");
                return 1;
            }

            await using var agent = new NodeAgent(client, new NodeAgentOptions
            {
                NodeName = name,
                RuntimeEndpoint = endpoint.Replace("unix://", "", StringComparison.Ordinal),
                DataDirectory = Path.GetFullPath(parseResult.GetValue(dataDirectory)!),
                CgroupRoot = parseResult.GetValue(cgroupRoot)!,
                ListenPort = parseResult.GetValue(nodePort),
            }, loggerFactory);
            try
            {
                await agent.StartAsync(stopping.Token);
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                logger.LogInformation("kubelike agent stopping");
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or Node.Cri.Grpc.GrpcCallException)
            {
                logger.LogCritical("kubelike agent could not start: {Reason}", e.Message);
                return 1;
            }

            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopping.Cancel();
            }
        });
        return command;
    }

    /// <summary>A hollow node until stopped: registers, heartbeats and plays out the pods bound to it.</summary>
    private static async Task<int> RunHollowAsync(KubernetesClient client, string name, string? capacityText, ILogger logger, ILoggerFactory loggerFactory, CancellationToken stopping)
    {
        IReadOnlyDictionary<string, Api.Primitives.Quantity> capacity;
        try
        {
            capacity = HollowNodeOptions.ParseCapacity(capacityText);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"kubelike agent: --hollow-capacity: {e.Message}");
            return 1;
        }

        try
        {
            await using var node = await HollowNode.StartAsync(client, new HollowNodeOptions { NodeName = name, Capacity = capacity }, loggerFactory.CreateLogger("Kubelike.Hollow"), stopping);
            logger.LogInformation("hollow node {Node} running", name);
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("kubelike agent stopping");
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
        {
            logger.LogCritical("kubelike agent could not start: {Reason}", e.Message);
            return 1;
        }

        return 0;
    }
}
