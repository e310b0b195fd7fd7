using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Node.Agent;

namespace Kubelike.Node.Logs;

/// <summary>
/// The log files of the containers this node runs (<c>pods-like/NS_NAME_UID/CONTAINER/ATTEMPT.log</c>) and the
/// kubelet's checks before reading one, answered from the pod status this agent reported.
/// </summary>
public sealed class ContainerLogs(NodeAgentOptions options, Func<string, string, Pod?> findPod)
{
    /// <summary>The directory holding a pod's container logs.</summary>
    public static string PodDirectory(NodeAgentOptions options, string ns, string name, string uid) =>
        Path.Combine(options.PodLogDirectory, $"{ns}_{name}_{uid}");

    /// <summary>Streams one container's log; a <see cref="ContainerLogException"/> says why it cannot.</summary>
    public async Task StreamAsync(string ns, string podName, string container, ContainerLogOptions logOptions, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logOptions);
        var pod = findPod(ns, podName) ?? throw new ContainerLogException(404, $"pod \"{podName}\" not found");
        var status = Statuses(pod).FirstOrDefault(s => s.Name == container)
            ?? throw new ContainerLogException(400, $"container \"{container}\" in pod \"{podName}\" is not available");
        if (logOptions.Previous)
        {
            if (status.LastState?.Terminated is null)
                throw new ContainerLogException(400, $"previous terminated container \"{container}\" in pod \"{podName}\" not found");
        }
        else if (status.State?.Waiting is { } waiting && status.LastState?.Terminated is null)
        {
            throw new ContainerLogException(400, $"container \"{container}\" in pod \"{podName}\" is waiting to start: {waiting.Reason}");
        }

        var files = LogFiles(pod, container);
        // The current instance writes the newest file; while it waits to restart, that file is the last run's.
        var index = files.Count - 1 - (logOptions.Previous && status.State?.Waiting is null ? 1 : 0);
        if (index < 0)
        {
            throw new ContainerLogException(400, logOptions.Previous
                ? $"previous terminated container \"{container}\" in pod \"{podName}\" not found"
                : $"container \"{container}\" in pod \"{podName}\" is not available");
        }

        var attempts = files.Count;
        await ContainerLogStreamer.StreamAsync(files[index], logOptions with { Follow = logOptions.Follow && !logOptions.Previous }, output,
            _ => Task.FromResult(IsRunning(ns, podName, container, attempts)), cancellationToken);
    }

    /// <summary>Whether the instance that writes the newest file still runs (a restart ends a follow, as upstream).</summary>
    private bool IsRunning(string ns, string podName, string container, int attempts)
    {
        if (findPod(ns, podName) is not { } pod)
            return false;
        var status = Statuses(pod).FirstOrDefault(s => s.Name == container);
        return status?.State?.Running is not null && LogFiles(pod, container).Count == attempts;
    }

    private List<string> LogFiles(Pod pod, string container)
    {
        var directory = Path.Combine(PodDirectory(options, pod.Metadata!.Namespace!, pod.Metadata.Name!, pod.Metadata.Uid!), container);
        if (!Directory.Exists(directory))
            return [];
        return Directory.EnumerateFiles(directory, "*.log")
            .Select(f => (Path: f, Attempt: int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(f => f.Attempt >= 0)
            .OrderBy(f => f.Attempt)
            .Select(f => f.Path)
            .ToList();
    }

    private static IEnumerable<ContainerStatus> Statuses(Pod pod) =>
        (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.EphemeralContainerStatuses ?? []);
}
