using System.Diagnostics;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Controllers.Tests.Support;

/// <summary>
/// Base of fixtures that test the controllers inside a real <c>kubelike server</c> (one per fixture): the tests
/// only talk to the API, as a user would, and watch the controllers' effects.
/// </summary>
public abstract class ControllerFixture : ClientFixture
{
    protected override bool WithControllers => true;

    protected static TimeSpan Timeout => TimeSpan.FromSeconds(60);

    protected async Task<List<Pod>> PodsAsync(string ns) =>
        (await Client.Resource<Pod>().ListAsync(ns)).Items.Where(p => p.Metadata?.DeletionTimestamp is null).ToList();

    protected async Task<List<ReplicaSet>> ReplicaSetsAsync(string ns) => [.. (await Client.Resource<ReplicaSet>().ListAsync(ns)).Items];

    /// <summary>Reports a pod Running and Ready, as its node agent would (for tests that pace pods themselves).</summary>
    protected Task MarkRunningAndReadyAsync(string ns, string name) =>
        // Again on a conflict: the scheduler writes the status of a pod it cannot place meanwhile.
        Poll.UntilAsync(async () =>
        {
            var pod = await Client.Resource<Pod>().GetAsync(name, ns);
            var now = DateTimeOffset.UtcNow;
            pod.Status = new PodStatus
            {
                Phase = "Running",
                StartTime = now,
                Conditions = [new PodCondition { Type = "Ready", Status = "True", LastTransitionTime = now }],
            };
            try
            {
                return await Client.Resource<Pod>().UpdateStatusAsync(pod);
            }
            catch (Client.Rest.KubernetesApiException e) when (e.IsConflict)
            {
                return null;
            }
        }, $"pod {ns}/{name} marked running and ready", Timeout);

    /// <summary>
    /// Reads, changes and writes an object, again on a conflict: its controller writes status meanwhile, which
    /// changes the resourceVersion a plain read-modify-write sends (as <c>kubectl edit</c> users retry too).
    /// </summary>
    protected Task<T> ModifyAsync<T>(string name, string? ns, Action<T> change)
        where T : class, Api.IKubernetesObject =>
        Poll.UntilAsync(async () =>
        {
            var obj = await Client.Resource<T>().GetAsync(name, ns);
            change(obj);
            try
            {
                return await Client.Resource<T>().UpdateAsync(obj);
            }
            catch (Client.Rest.KubernetesApiException e) when (e.IsConflict)
            {
                return null;
            }
        }, $"an update of {name} without a conflict", Timeout);

    /// <summary>Polls an asynchronous condition until it holds.</summary>
    protected static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Poll.UntilAsync(async () => await condition() ? what : null, what, Timeout);

    protected static PodTemplateSpec Template(string app, string image) => new()
    {
        Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = image }] },
    };

    /// <summary>The rows of <c>kubectl rollout history</c>, the header included, with their columns single-spaced.</summary>
    protected async Task<List<string>> HistoryRowsAsync(string ns, string target)
    {
        var (code, output) = await KubectlAsync("rollout", "history", target, "-n", ns);
        Assert.That(code, Is.Zero, output);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
    }

    /// <summary>Runs kubectl 1.35 (from $KUBELIKE_TOOLS) against the server; returns exit code and output.</summary>
    protected async Task<(int ExitCode, string Output)> KubectlAsync(params string[] arguments)
    {
        var tools = Environment.GetEnvironmentVariable("KUBELIKE_TOOLS")
            ?? throw new InvalidOperationException("KUBELIKE_TOOLS is not set (the directory with kubectl-1.35/kubectl)");
        var start = new ProcessStartInfo(Path.Combine(tools, "kubectl-1.35", "kubectl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(Server.Kubeconfig);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Timeout * 2);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
