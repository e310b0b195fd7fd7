using System.CommandLine;
using System.Net;
using Kubelike.ApiServer.Services;
using Kubelike.Controllers.NodeLifecycle;
using Kubelike.Server;
using Kubelike.Storage.Embedded;

namespace Kubelike.Cli;

/// <summary><c>kubelike server</c>: parses its options into <see cref="ServerOptions"/> and hands over to <see cref="ServerRunner"/>.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var dataDirectory = new Option<string>("--data-dir")
        {
            Description = "Directory for the server's state: embedded PostgreSQL, certificates, kubeconfig",
            DefaultValueFactory = _ => ".kubelike",
        };
        var datastoreEndpoint = new Option<string?>("--datastore-endpoint")
        {
            Description = "External PostgreSQL (postgres://user:pass@host:port/db?sslmode=disable or Host=...;...); default: an embedded PostgreSQL in the data directory",
        };
        datastoreEndpoint.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } endpoint)
            {
                try
                {
                    PostgresEndpoint.ToConnectionString(endpoint);
                }
                catch (ArgumentException e)
                {
                    result.AddError(e.Message);
                }
            }
        });
        var bindAddress = new Option<string>("--bind-address")
        {
            Description = "IP address to serve HTTPS on",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        bindAddress.Validators.Add(result =>
        {
            if (!IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--bind-address '{result.GetValueOrDefault<string>()}' is not an IP address");
            }
        });
        var securePort = new Option<int>("--secure-port", "--port")
        {
            Description = "Port to serve HTTPS on",
            DefaultValueFactory = _ => 6443,
        };
        securePort.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--secure-port must be between 1 and 65535");
            }
        });

        var tokenAuthFile = new Option<string?>("--token-auth-file")
        {
            Description = "File of static bearer tokens, one per line: token,user,uid,\"group1,group2\"",
        };
        tokenAuthFile.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && !File.Exists(path))
            {
                result.AddError($"--token-auth-file '{path}' does not exist");
            }
        });
        var noNode = new Option<bool>("--no-node")
        {
            Description = "Do not run the node agent in this process",
        };
        var nodeName = new Option<string?>("--node-name")
        {
            Description = "Name of this process's node (default: the host name)",
        };
        var runtimeEndpoint = new Option<string?>("--container-runtime-endpoint")
        {
            Description = "containerd's CRI socket (unix:///path or /path) for the node agent (hack/containerd.sh prints it); without one no node runs",
        };

        var nodePort = new Option<int>("--node-port")
        {
            Description = "Port of the node agent's HTTPS endpoint, which serves pod logs to the API server (0: any free port)",
            DefaultValueFactory = _ => 10250,
        };

        var noControllers = new Option<bool>("--no-controllers")
        {
            Description = "Do not run the controllers (ReplicaSet, Deployment, garbage collector): a bare API",
        };

        var clusterIPRange = new Option<string>("--service-cluster-ip-range")
        {
            Description = "IPv4 CIDR Service cluster IPs are allocated from; its first address is the kubernetes service's",
            DefaultValueFactory = _ => ServiceNetworkOptions.DefaultClusterIPRange,
        };
        clusterIPRange.Validators.Add(result => AddErrorIfThrows(result, () => ServiceNetworkOptions.ParseClusterIPRange(result.GetValueOrDefault<string>()!)));
        var nodePortRange = new Option<string>("--service-node-port-range")
        {
            Description = "Port range reserved for Services of type NodePort and LoadBalancer",
            DefaultValueFactory = _ => ServiceNetworkOptions.DefaultNodePortRange,
        };
        nodePortRange.Validators.Add(result => AddErrorIfThrows(result, () => ServiceNetworkOptions.ParseNodePortRange(result.GetValueOrDefault<string>()!)));

        var localPathDirectory = new Option<string>("--local-path-dir")
        {
            Description = "Directory the local-path provisioner (the default StorageClass local-path) makes its volumes in (default DATA_DIR/storage)",
        };
        var gracePeriod = DurationOption("--node-monitor-grace-period", "How long a node's Lease may go unrenewed before it is marked Ready=Unknown and tainted unreachable", "40s");
        var startupGracePeriod = DurationOption("--node-startup-grace-period", "How long a registered node may take to post its first status", "1m");
        var notReadySeconds = SecondsOption("--default-not-ready-toleration-seconds", "tolerationSeconds of the not-ready:NoExecute toleration given to pods without one");
        var unreachableSeconds = SecondsOption("--default-unreachable-toleration-seconds", "tolerationSeconds of the unreachable:NoExecute toleration given to pods without one");

        var command = new Command("server", "Run the API server with its datastore")
        {
            localPathDirectory,
            gracePeriod,
            startupGracePeriod,
            notReadySeconds,
            unreachableSeconds,
            clusterIPRange,
            nodePortRange,
            dataDirectory,
            datastoreEndpoint,
            bindAddress,
            securePort,
            tokenAuthFile,
            noNode,
            noControllers,
            nodeName,
            nodePort,
            runtimeEndpoint,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new ServerOptions(
                DataDirectory: Path.TrimEndingDirectorySeparator(Path.GetFullPath(parseResult.GetValue(dataDirectory)!)),
                DatastoreEndpoint: parseResult.GetValue(datastoreEndpoint),
                BindAddress: IPAddress.Parse(parseResult.GetValue(bindAddress)!),
                SecurePort: parseResult.GetValue(securePort),
                TokenAuthFile: parseResult.GetValue(tokenAuthFile) is { } tokens ? Path.GetFullPath(tokens) : null,
                NoControllers: parseResult.GetValue(noControllers))
            {
                ContainerRuntimeEndpoint = parseResult.GetValue(noNode) || string.IsNullOrEmpty(parseResult.GetValue(runtimeEndpoint))
                    ? null
                    : parseResult.GetValue(runtimeEndpoint)!.Replace("unix://", "", StringComparison.Ordinal),
                NodeName = parseResult.GetValue(nodeName) ?? Dns.GetHostName(),
                NodePort = parseResult.GetValue(nodePort),
                ServiceNetwork = NetworkOptions(parseResult.GetValue(clusterIPRange)!, parseResult.GetValue(nodePortRange)!),
                LocalPathDirectoryOption = parseResult.GetValue(localPathDirectory) is { Length: > 0 } localPath ? Path.GetFullPath(localPath) : null,
                CgroupRoot = Environment.GetEnvironmentVariable("KUBELIKE_CGROUP_ROOT") is { Length: > 0 } root ? root : "kubelike",
                NodeLifecycle = new NodeLifecycleOptions
                {
                    GracePeriod = Duration(parseResult.GetValue(gracePeriod)!),
                    StartupGracePeriod = Duration(parseResult.GetValue(startupGracePeriod)!),
                },
                DefaultNotReadyTolerationSeconds = parseResult.GetValue(notReadySeconds),
                DefaultUnreachableTolerationSeconds = parseResult.GetValue(unreachableSeconds),
            };
            return ServerRunner.RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static Option<string> DurationOption(string name, string description, string defaultValue)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (!GoDuration.TryParse(result.GetValueOrDefault<string>(), out var duration) || duration <= TimeSpan.Zero)
                result.AddError($"{name} '{result.GetValueOrDefault<string>()}' is not a positive duration (e.g. 40s, 1m30s)");
        });
        return option;
    }

    private static TimeSpan Duration(string text) => GoDuration.TryParse(text, out var duration) ? duration : throw new FormatException(text);

    private static Option<long> SecondsOption(string name, string description)
    {
        var option = new Option<long>(name)
        {
            Description = description,
            DefaultValueFactory = _ => 300,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0)
                result.AddError($"{name} must not be negative");
        });
        return option;
    }

    private static ServiceNetworkOptions NetworkOptions(string clusterIPRange, string nodePortRange)
    {
        var (first, last) = ServiceNetworkOptions.ParseNodePortRange(nodePortRange);
        return new ServiceNetworkOptions
        {
            ClusterIPRange = ServiceNetworkOptions.ParseClusterIPRange(clusterIPRange),
            NodePortFirst = first,
            NodePortLast = last,
        };
    }

    private static void AddErrorIfThrows(System.CommandLine.Parsing.OptionResult result, Action parse)
    {
        try
        {
            parse();
        }
        catch (ArgumentException e)
        {
            result.AddError(e.Message);
        }
    }
}
