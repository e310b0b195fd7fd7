using System.CommandLine;

namespace Kubelike.Cli;

/// <summary>The <c>kubelike</c> command tree.</summary>
internal static class KubelikeCommandLine
{
    public static RootCommand Create() =>
        new("Kubelike: a Kubernetes-compatible control plane and node agent")
        {
            ServerCommand.Create(),
            AgentCommand.Create(),
            SchedulerCommand.Create(),
            OpenApiCommand.Create(),
        };

    public static Task<int> InvokeAsync(string[] args)
    {
        // No signal handling here: the server's host owns Ctrl-C/SIGTERM and must be given the time to stop
        // PostgreSQL, rather than being cut short by System.CommandLine's termination timeout.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return Create().Parse(args).InvokeAsync(configuration);
    }
}
