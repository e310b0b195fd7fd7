using System.Diagnostics;
using System.Threading.Channels;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Probes;
using Kubelike.Node.Status;
using Kubelike.Node.Volumes;
using Microsoft.Extensions.Logging;
using CriContainerState = Kubelike.Node.Cri.V1.ContainerState;
using CriContainerStatus = Kubelike.Node.Cri.V1.ContainerStatus;
using V1 = Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Pods;

/// <summary>
/// Runs one pod: its sandbox, init containers in order, then app containers, restarting them as the restart
/// policy says with crash-loop back-off, and writes the pod's status whenever it changes. A pod marked for
/// deletion is stopped within its grace period, its sandbox removed and the object deleted.
/// </summary>
internal sealed class PodWorker(PodRuntime runtime, NodeAgentOptions options, ILogger logger)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, ContainerRecord> _containers = [];
    private readonly PodStatusBuilder _statusBuilder = new();
    private Pod _pod = null!;
    private bool _gone;
    private string? _sandboxId;
    private V1.PodSandboxConfig? _sandboxConfig;
    private string? _podIp;
    private DateTimeOffset? _startTime;
    private string? _lastStatusJson;
    private PodVolumes? _volumes;
    private readonly HashSet<string> _reportedMountFailures = new(StringComparer.Ordinal);
    private bool _adopted;
    private bool _ranHere;
    private uint _sandboxAttempt;
    private readonly long _created = Stopwatch.GetTimestamp();

    /// <summary>Stopwatch timestamps of a pod's first start: worker created, this pass, sandbox ready.</summary>
    private sealed record StartTimes(long Begun, long Pass)
    {
        public long Sandbox { get; set; } = Pass;
    }

    public string Uid => _pod.Metadata!.Uid!;

    /// <summary>Hands the worker the newest version of its pod.</summary>
    public void Update(Pod pod)
    {
        Volatile.Write(ref _pod, pod);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>The pod object is gone from the API: stop everything and end.</summary>
    public void MarkGone()
    {
        _gone = true;
        _wake.Writer.TryWrite(true);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncLoopAsync(cancellationToken);
        }
        finally
        {
            await StopProbesAsync();
        }
    }

    private async Task SyncLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await SyncAsync(cancellationToken))
                    return;
            }
            catch (Exception e) when (e is GrpcCallException or KubernetesApiException or HttpRequestException or IOException)
            {
                logger.LogWarning("pod {Pod}: sync failed: {Reason}", PodKey, e.Message);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PodResyncInterval);
            try
            {
                await _wake.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The periodic resync.
            }
        }
    }

    private string PodKey => $"{_pod.Metadata!.Namespace}/{_pod.Metadata.Name}";

    /// <summary>One pass; true when the worker is done (pod deleted).</summary>
    private async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        var pod = Volatile.Read(ref _pod);
        if (!_adopted)
        {
            await AdoptAsync(pod, cancellationToken);
            _adopted = true;
        }

        if (_gone || pod.Metadata!.DeletionTimestamp is not null)
        {
            var grace = pod.Metadata!.DeletionGracePeriodSeconds ?? pod.Spec?.TerminationGracePeriodSeconds ?? 30;
            await TeardownAsync(pod, _gone ? 0 : grace, cancellationToken);
            TearDownVolumes(pod);
            if (!_gone)
                await runtime.DeletePodObjectAsync(pod, cancellationToken);
            // The pod is gone for good: its logs go with it, as the kubelet removes them.
            runtime.RemoveLogs(pod);
            return true;
        }

        if (pod.Status?.Phase is "Succeeded" or "Failed" && !_ranHere)
            return false; // finished before this worker started (agent restart): nothing to run, what is left goes at deletion

        var spec = pod.Spec!;
        var now = DateTimeOffset.UtcNow;
        _startTime ??= now;
        var restartPolicy = spec.RestartPolicy ?? "Always";
        if (!await MountVolumesAsync(pod, now, cancellationToken))
        {
            // As the kubelet: no sandbox and no container until every volume is there; the pod waits in ContainerCreating.
            await WriteStatusAsync(pod, _statusBuilder.Build(pod, restartPolicy, (spec.InitContainers?.Count ?? 0) == 0, false, _podIp, runtime.HostIp, _startTime.Value,
                _containers, new Dictionary<string, CriContainerStatus?>(), new Dictionary<string, CriContainerStatus?>(), now), cancellationToken);
            return false;
        }

        _ranHere = true;
        var starting = _sandboxId is null ? new StartTimes(_created, Stopwatch.GetTimestamp()) : null;
        if (_sandboxId is null)
        {
            (_sandboxId, _sandboxConfig, _podIp) = await runtime.RunSandboxAsync(pod, _sandboxAttempt++, cancellationToken);
            logger.LogInformation("pod {Pod}: sandbox {Sandbox} ip {Ip}", PodKey, _sandboxId, _podIp ?? "(host network)");
            starting!.Sandbox = Stopwatch.GetTimestamp();
        }

        var initialized = true;
        var initFailed = false;
        foreach (var container in spec.InitContainers ?? [])
        {
            var record = Record(container.Name!);
            var initStatus = await StepAsync(pod, container, record, restartPolicy == "Never" ? "Never" : "OnFailure", now, cancellationToken);
            if (initStatus is { State: CriContainerState.ContainerExited, ExitCode: 0 })
                continue;
            initialized = false;
            initFailed = initStatus is { State: CriContainerState.ContainerExited } && restartPolicy == "Never";
            break;
        }

        var statuses = new Dictionary<string, CriContainerStatus?>();
        if (initialized)
        {
            foreach (var container in spec.Containers ?? [])
                statuses[container.Name!] = await StepAsync(pod, container, Record(container.Name!), restartPolicy, now, cancellationToken);
        }

        var initStatuses = new Dictionary<string, CriContainerStatus?>();
        foreach (var container in spec.InitContainers ?? [])
            initStatuses[container.Name!] = await CurrentStatusAsync(Record(container.Name!), cancellationToken);

        var status = _statusBuilder.Build(pod, restartPolicy, initialized, initFailed, _podIp, runtime.HostIp, _startTime.Value,
            _containers, initStatuses, statuses, now);
        var containersDone = Stopwatch.GetTimestamp();
        await WriteStatusAsync(pod, status, cancellationToken);
        if (starting is not null)
        {
            // Where a pod's start went: what an operator needs when startup is slow.
            logger.LogInformation("pod {Pod}: started {Total:0} ms after its worker began: before the sandbox {Before:0} ms, sandbox {Sandbox:0} ms, containers {Containers:0} ms, status {Status:0} ms",
                PodKey, Stopwatch.GetElapsedTime(starting.Begun).TotalMilliseconds, Stopwatch.GetElapsedTime(starting.Begun, starting.Pass).TotalMilliseconds,
                Stopwatch.GetElapsedTime(starting.Pass, starting.Sandbox).TotalMilliseconds, Stopwatch.GetElapsedTime(starting.Sandbox, containersDone).TotalMilliseconds,
                Stopwatch.GetElapsedTime(containersDone).TotalMilliseconds);
        }

        // A finished pod's sandbox is stopped (its containers have all exited), as the kubelet does.
        if (status.Phase is "Succeeded" or "Failed")
            await runtime.StopSandboxAsync(_sandboxId, cancellationToken);
        return false;
    }

    private async Task WriteStatusAsync(Pod pod, PodStatus status, CancellationToken cancellationToken)
    {
        var json = Kubelike.Api.KubernetesJson.Serialize(status);
        if (json == _lastStatusJson)
            return;
        await runtime.WriteStatusAsync(pod, status, cancellationToken);
        _lastStatusJson = json;
    }

    /// <summary>Sets up (and refreshes) the pod's volumes; a new failure is a FailedMount event. True when all are there.</summary>
    private async Task<bool> MountVolumesAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _volumes ??= runtime.Volumes(pod.Metadata!.Uid!);
        var failures = await _volumes.SetUpAsync(pod, now, cancellationToken);
        if (failures.Count == 0)
            _reportedMountFailures.Clear();
        foreach (var failure in failures.Where(_reportedMountFailures.Add))
        {
            logger.LogWarning("pod {Pod}: {Failure}", PodKey, failure);
            runtime.RecordEvent(pod, null, "Warning", "FailedMount", failure);
        }

        return _volumes.AllMounted(pod);
    }

    private void TearDownVolumes(Pod pod)
    {
        try
        {
            (_volumes ?? runtime.Volumes(pod.Metadata!.Uid!)).TearDown();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the orphan sweep at the agent's next start.
            logger.LogWarning("pod {Pod}: removing its volumes failed: {Reason}", PodKey, e.Message);
        }
    }

    /// <summary>
    /// Takes over what the runtime already runs for this pod (the agent restarted): its ready sandbox and the newest
    /// instance of each container, with the restart count and last termination they were started with. A sandbox that
    /// is no longer ready (its pod is not finished) is removed with its containers, to be made anew.
    /// </summary>
    private async Task AdoptAsync(Pod pod, CancellationToken cancellationToken)
    {
        var (sandboxes, containers) = await runtime.FindAsync(pod.Metadata!.Uid!, cancellationToken);
        if (sandboxes.Count == 0 && containers.Count == 0)
            return;
        var finished = pod.Status?.Phase is "Succeeded" or "Failed";
        var keep = sandboxes.FirstOrDefault(s => finished || s.State == V1.PodSandboxState.SandboxReady);
        _sandboxAttempt = sandboxes.Count == 0 ? 0 : sandboxes.Max(s => s.Metadata.Attempt) + 1;
        foreach (var stale in sandboxes.Where(s => s != keep))
            await runtime.RemoveSandboxAsync(stale.Id, cancellationToken);

        foreach (var instances in containers.GroupBy(c => c.Labels.GetValueOrDefault(PodRuntime.ContainerNameLabel) ?? ""))
        {
            var newest = instances.First();
            var record = Record(instances.Key);
            record.RestartCount = newest.Annotations.TryGetValue(PodRuntime.RestartCountAnnotation, out var count)
                && int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            record.Attempt = (int)newest.Metadata.Attempt + 1;
            if (newest.Annotations.TryGetValue(PodRuntime.LastTerminatedAnnotation, out var last))
                record.LastTerminated = Kubelike.Api.KubernetesJson.Deserialize<ContainerStateTerminated>(last);
            if (keep is not null && newest.PodSandboxId == keep.Id)
                record.ContainerId = newest.Id;
            else if (!finished)
                record.RestartCount++; // its sandbox is gone: it starts again in the new one
            foreach (var old in instances.Skip(1).Where(c => c.PodSandboxId == keep?.Id))
                await runtime.RemoveContainerAsync(old.Id, cancellationToken);
        }

        if (keep is null)
            return;
        _sandboxId = keep.Id;
        _sandboxConfig = runtime.SandboxConfig(pod, keep.Metadata.Attempt);
        _podIp = await runtime.SandboxIpAsync(keep.Id, cancellationToken);
        _startTime = pod.Status?.StartTime?.Value ?? DateTimeOffset.FromUnixTimeMilliseconds(keep.CreatedAt / 1_000_000);
        _statusBuilder.Resume(pod.Status?.Conditions);
        logger.LogInformation("pod {Pod}: adopted sandbox {Sandbox} and {Count} running container(s)", PodKey, keep.Id,
            _containers.Values.Count(r => r.ContainerId is not null));
    }

    private ContainerRecord Record(string name)
    {
        if (!_containers.TryGetValue(name, out var record))
            _containers[name] = record = new ContainerRecord(name);
        return record;
    }

    /// <summary>Starts, keeps or restarts one container; returns its current runtime status (null when it has none).</summary>
    private async Task<CriContainerStatus?> StepAsync(Pod pod, Container container, ContainerRecord record, string restartPolicy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = await CurrentStatusAsync(record, cancellationToken);
        if (status is null)
        {
            if (!record.Backoff.IsWaiting(now))
                await StartAsync(pod, container, record, now, cancellationToken);
            else if (record.Waiting?.Reason == "ErrImagePull")
            {
                record.Waiting = new ContainerStateWaiting { Reason = "ImagePullBackOff", Message = $"Back-off pulling image \"{container.Image}\"" };
                runtime.RecordEvent(pod, FieldPath(pod, container), "Normal", "BackOff", record.Waiting.Message);
            }
            return await StartedStatusAsync(pod, container, record, cancellationToken);
        }

        if (status.State == CriContainerState.ContainerRunning)
        {
            var probes = await EnsureProbesAsync(pod, container, record, status);
            if (probes?.KillReason is not { } reason)
                return status;
            runtime.RecordEvent(pod, $"spec.containers{{{container.Name}}}", "Normal", "Killing",
                $"Container {container.Name} failed {reason} probe, will be restarted");
            await runtime.StopContainerAsync(status.Id, probes.KillGracePeriodSeconds ?? pod.Spec?.TerminationGracePeriodSeconds ?? 30, cancellationToken);
            status = await CurrentStatusAsync(record, cancellationToken);
            if (status is null)
                return null;
        }

        if (status.State != CriContainerState.ContainerExited)
            return status;
        if (record.Probes is { } stale)
        {
            record.Probes = null;
            await stale.DisposeAsync();
        }

        var restart = restartPolicy == "Always" || (restartPolicy == "OnFailure" && status.ExitCode != 0);
        if (!restart)
            return status;

        if (record.Waiting?.Reason != "CrashLoopBackOff")
        {
            // This exit is new: it starts (or extends) the back-off.
            record.Backoff.Failed(now, options.InitialRestartBackoff, options.MaxRestartBackoff);
            record.Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" };
            runtime.RecordEvent(pod, FieldPath(pod, container), "Warning", "BackOff",
                $"Back-off restarting failed container {container.Name} in pod {pod.Metadata!.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})");
        }

        if (record.Backoff.IsWaiting(now))
        {
            record.Waiting.Message = $"back-off {(record.Backoff.NotBefore - now).TotalSeconds:0}s restarting failed container={container.Name} pod={pod.Metadata!.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})";
            return status;
        }

        record.LastTerminated = PodStatusBuilder.Terminated(status);
        await runtime.RemoveContainerAsync(record.ContainerId!, cancellationToken);
        record.ContainerId = null;
        record.RestartCount++;
        record.Waiting = null;
        await StartAsync(pod, container, record, now, cancellationToken);
        return await StartedStatusAsync(pod, container, record, cancellationToken);
    }

    /// <summary>The status of a container just started, with its probes running before the status is reported.</summary>
    private async Task<CriContainerStatus?> StartedStatusAsync(Pod pod, Container container, ContainerRecord record, CancellationToken cancellationToken)
    {
        var status = await CurrentStatusAsync(record, cancellationToken);
        if (status is { State: CriContainerState.ContainerRunning })
            await EnsureProbesAsync(pod, container, record, status);
        return status;
    }

    private async Task StartAsync(Pod pod, Container container, ContainerRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await runtime.ImagePresentAsync(container.Image!, cancellationToken))
        {
            var first = record.Waiting?.Reason is not ("ErrImagePull" or "ImagePullBackOff");
            record.Backoff.Failed(now, options.InitialRestartBackoff, options.MaxRestartBackoff);
            var message = $"Failed to pull image \"{container.Image}\": the image is not present on the node and no registry is reachable";
            record.Waiting = new ContainerStateWaiting { Reason = "ErrImagePull", Message = message };
            if (first)
                runtime.RecordEvent(pod, $"spec.containers{{{container.Name}}}", "Warning", "Failed", message);
            return;
        }

        try
        {
            var annotations = new Dictionary<string, string>
            {
                [PodRuntime.RestartCountAnnotation] = record.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (record.LastTerminated is { } last)
                annotations[PodRuntime.LastTerminatedAnnotation] = Kubelike.Api.KubernetesJson.Serialize(last);
            runtime.RecordEvent(pod, FieldPath(pod, container), "Normal", "Pulled", $"Container image \"{container.Image}\" already present on machine");
            record.ContainerId = await runtime.StartContainerAsync(pod, _sandboxId!, _sandboxConfig!, container, _volumes!, record.Attempt, annotations, cancellationToken);
            runtime.RecordEvent(pod, FieldPath(pod, container), "Normal", "Created", $"Created container: {container.Name}");
            runtime.RecordEvent(pod, FieldPath(pod, container), "Normal", "Started", $"Started container: {container.Name}");
            record.Attempt++;
            record.Waiting = null;
        }
        catch (ContainerConfigException e)
        {
            FailedToCreate(new ContainerStateWaiting { Reason = "CreateContainerConfigError", Message = e.Message });
        }
        catch (GrpcCallException e)
        {
            record.Backoff.Failed(now, options.InitialRestartBackoff, options.MaxRestartBackoff);
            FailedToCreate(new ContainerStateWaiting { Reason = "CreateContainerError", Message = e.Message });
        }

        // A Failed event when the reason is new, not at every sync that still fails the same way.
        void FailedToCreate(ContainerStateWaiting waiting)
        {
            if (record.Waiting is not { } previous || previous.Reason != waiting.Reason || previous.Message != waiting.Message)
                runtime.RecordEvent(pod, FieldPath(pod, container), "Warning", "Failed", $"Error: {waiting.Message}");
            record.Waiting = waiting;
        }
    }

    private static string FieldPath(Pod pod, Container container) =>
        pod.Spec?.InitContainers?.Contains(container) == true ? $"spec.initContainers{{{container.Name}}}" : $"spec.containers{{{container.Name}}}";

    /// <summary>The probes of the running instance <paramref name="status"/>, started when it is new; null without probes.</summary>
    private async Task<ContainerProbes?> EnsureProbesAsync(Pod pod, Container container, ContainerRecord record, CriContainerStatus status)
    {
        if (record.Probes is { } current && current.ContainerId == status.Id)
            return current;
        if (record.Probes is { } previous)
        {
            record.Probes = null;
            await previous.DisposeAsync();
        }

        if (container.StartupProbe is null && container.LivenessProbe is null && container.ReadinessProbe is null)
            return null;
        var startedAt = status.StartedAt > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(status.StartedAt / 1_000_000) : DateTimeOffset.UtcNow;
        var fieldPath = $"spec.containers{{{container.Name}}}";
        record.Probes = new ContainerProbes(runtime.Prober, container, status.Id, _podIp ?? runtime.HostIp, startedAt,
            changed: () => _wake.Writer.TryWrite(true),
            unhealthy: (kind, message) =>
            {
                runtime.RecordEvent(Volatile.Read(ref _pod), fieldPath, "Warning", "Unhealthy", $"{kind} probe failed: {message}");
                return Task.CompletedTask;
            },
            logger);
        return record.Probes;
    }

    private async Task StopProbesAsync()
    {
        foreach (var record in _containers.Values)
        {
            if (record.Probes is { } probes)
            {
                record.Probes = null;
                await probes.DisposeAsync();
            }
        }
    }

    private async Task<CriContainerStatus?> CurrentStatusAsync(ContainerRecord record, CancellationToken cancellationToken) =>
        record.ContainerId is { } id ? await runtime.ContainerStatusAsync(id, cancellationToken) : null;

    /// <summary>
    /// Stops the pod's containers in parallel, each after its preStop hook, with SIGTERM and SIGKILL once the grace
    /// period has passed, then removes everything the runtime and host hold for the pod.
    /// </summary>
    private async Task TeardownAsync(Pod pod, long graceSeconds, CancellationToken cancellationToken)
    {
        await StopProbesAsync();
        var specs = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []).Where(c => c.Name is not null).ToDictionary(c => c.Name!);
        await Task.WhenAll(_containers.Values.Where(r => r.ContainerId is not null)
            .Select(r => StopContainerAsync(pod, specs.GetValueOrDefault(r.Name), r.Name, r.ContainerId!, graceSeconds, cancellationToken)));
        await runtime.RemovePodAsync(pod.Metadata!.Uid!, cancellationToken);
        _sandboxId = null;
        logger.LogInformation("pod {Pod}: stopped and removed", PodKey);
    }

    private async Task StopContainerAsync(Pod pod, Container? container, string name, string containerId, long graceSeconds, CancellationToken cancellationToken)
    {
        if (await runtime.ContainerStatusAsync(containerId, cancellationToken) is not { State: CriContainerState.ContainerRunning })
            return; // nothing to signal; removal follows
        var fieldPath = $"spec.containers{{{name}}}";
        runtime.RecordEvent(pod, fieldPath, "Normal", "Killing", $"Stopping container {name}");
        if (graceSeconds > 0 && container?.Lifecycle?.PreStop is { } hook)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var failure = await runtime.RunHookAsync(hook, container, containerId, _podIp ?? runtime.HostIp, TimeSpan.FromSeconds(graceSeconds), cancellationToken);
            if (failure is not null)
            {
                runtime.RecordEvent(pod, fieldPath, "Warning", "FailedPreStopHook",
                    $"PreStopHook failed: {failure}");
            }

            // What the hook used comes off the grace period, but the container still gets 2 s after it, as the kubelet gives.
            graceSeconds = Math.Max(2, graceSeconds - (long)clock.Elapsed.TotalSeconds);
        }

        await runtime.StopContainerAsync(containerId, graceSeconds, cancellationToken);
    }
}
