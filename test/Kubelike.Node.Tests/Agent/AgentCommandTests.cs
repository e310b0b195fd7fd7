using System.Diagnostics;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using NodeObject = Kubelike.Api.Core.V1.Node;

namespace Kubelike.Node.Tests.Agent;

/// <summary><c>kubelike agent --kubeconfig FILE --server URL</c>: the node agent as a process of its own.</summary>
[TestFixture]
public sealed class AgentCommandTests
{
    [Test]
    public async Task The_agent_command_registers_a_ready_node_and_stops_on_sigterm()
    {
        await using var server = await KubelikeServer.StartAsync();
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(server.Kubeconfig));
        using var dataDirectory = new TempDirectory("kl-agent");
        var nodeName = "agent-" + Guid.NewGuid().ToString("N")[..8];
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "kubelike.dll"), "agent", "--kubeconfig", server.Kubeconfig, "--server", server.BaseUrl.ToString(),
                "--node-name", nodeName, "--node-port", "0", "--container-runtime-endpoint", "unix://" + TestContainerd.Socket, "--data-dir", dataDirectory.Path,
                "--cgroup-root", TestContainerd.CgroupRoot,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var agent = Process.Start(start)!;
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(async () =>
            {
                try
                {
                    var node = await client.Resource<NodeObject>().GetAsync(nodeName);
                    return node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true ? node : null;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return null;
                }
            }, $"node {nodeName} registered Ready by the agent process", TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!agent.HasExited)
                _ = Process.Start("kill", ["-TERM", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await agent.WaitForExitAsync(timeout.Token);
        }

        Assert.That(agent.ExitCode, Is.Zero);
    }
}
