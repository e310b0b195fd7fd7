using Kubelike.Api.Core.V1;
using Microsoft.Extensions.Logging;

namespace Kubelike.Node.Probes;

/// <summary>
/// The startup, liveness and readiness probes of one running container instance, each on its own timer as the
/// kubelet's prober runs them: startup first (the others wait for it), then liveness and readiness with their
/// initial delay, period and thresholds. The pod worker reads <see cref="Started"/>, <see cref="Ready"/> and
/// <see cref="KillReason"/>; <paramref name="changed"/> wakes it when one of them flips.
/// </summary>
internal sealed class ContainerProbes : IAsyncDisposable
{
    private readonly ProbeExecutor _executor;
    private readonly Container _container;
    private readonly string _targetIp;
    private readonly DateTimeOffset _startedAt;
    private readonly Action _changed;
    private readonly Func<string, string, Task> _unhealthy;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _run;
    private volatile bool _started;
    private volatile bool _ready;
    private volatile string? _killReason;

    /// <param name="executor">Runs the attempts.</param>
    /// <param name="container">The container's spec (probes, named ports).</param>
    /// <param name="containerId">The runtime's id of the instance probed.</param>
    /// <param name="targetIp">Where httpGet and tcpSocket probes connect unless they name a host: the pod's IP.</param>
    /// <param name="startedAt">When the instance started; initial delays count from it.</param>
    /// <param name="changed">Called when Started, Ready or KillReason changes.</param>
    /// <param name="unhealthy">Records an Unhealthy event: the probe kind (Liveness, Readiness, Startup) and the failure.</param>
    /// <param name="logger">Where unexpected failures of the prober go.</param>
    public ContainerProbes(ProbeExecutor executor, Container container, string containerId, string targetIp, DateTimeOffset startedAt,
        Action changed, Func<string, string, Task> unhealthy, ILogger logger)
    {
        _executor = executor;
        _container = container;
        ContainerId = containerId;
        _targetIp = targetIp;
        _startedAt = startedAt;
        _changed = changed;
        _unhealthy = unhealthy;
        _logger = logger;
        _started = container.StartupProbe is null;
        _ready = container.StartupProbe is null && container.ReadinessProbe is null;
        _run = Task.Run(() => RunAsync(_stopping.Token));
    }

    public string ContainerId { get; }

    /// <summary>The startup probe has succeeded (or there is none).</summary>
    public bool Started => _started;

    /// <summary>The container may receive traffic: started, and its readiness probe passing (or absent).</summary>
    public bool Ready => _ready;

    /// <summary>"liveness" or "startup" once that probe has failed failureThreshold times: the container must be restarted.</summary>
    public string? KillReason => _killReason;

    /// <summary>The grace period for a kill the probe asked for (the probe's own terminationGracePeriodSeconds wins).</summary>
    public long? KillGracePeriodSeconds =>
        (_killReason == "startup" ? _container.StartupProbe : _container.LivenessProbe)?.TerminationGracePeriodSeconds;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_container.StartupProbe is { } startup)
            {
                if (!await ProbeUntilAsync(startup, "Startup", cancellationToken))
                {
                    Kill("startup");
                    return;
                }

                _started = true;
                if (_container.ReadinessProbe is null)
                    _ready = true;
                _changed();
            }

            var loops = new List<Task>();
            if (_container.LivenessProbe is { } liveness)
            {
                loops.Add(Task.Run(async () =>
                {
                    // Liveness only ends by failing: then the container is restarted.
                    if (!await ProbeUntilAsync(liveness, "Liveness", cancellationToken, untilSuccess: false))
                        Kill("liveness");
                }, cancellationToken));
            }

            if (_container.ReadinessProbe is { } readiness)
                loops.Add(Task.Run(() => ReadinessAsync(readiness, cancellationToken), cancellationToken));
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "prober of container {Container} failed", _container.Name);
        }
    }

    /// <summary>
    /// Probes on the probe's schedule. With <paramref name="untilSuccess"/>, returns true at successThreshold
    /// successes; either way returns false at failureThreshold consecutive failures.
    /// </summary>
    private async Task<bool> ProbeUntilAsync(Probe probe, string kind, CancellationToken cancellationToken, bool untilSuccess = true)
    {
        await InitialDelayAsync(probe, cancellationToken);
        var successes = 0;
        var failures = 0;
        while (true)
        {
            var outcome = await _executor.RunAsync(probe, _container, ContainerId, _targetIp, cancellationToken);
            if (outcome.Success)
            {
                failures = 0;
                if (++successes >= Math.Max(1, probe.SuccessThreshold ?? 1) && untilSuccess)
                    return true;
            }
            else
            {
                successes = 0;
                await _unhealthy(kind, outcome.Message);
                if (++failures >= Math.Max(1, probe.FailureThreshold ?? 3))
                    return false;
            }

            await Task.Delay(Period(probe), cancellationToken);
        }
    }

    private async Task ReadinessAsync(Probe probe, CancellationToken cancellationToken)
    {
        await InitialDelayAsync(probe, cancellationToken);
        var successes = 0;
        var failures = 0;
        while (true)
        {
            var outcome = await _executor.RunAsync(probe, _container, ContainerId, _targetIp, cancellationToken);
            if (outcome.Success)
            {
                failures = 0;
                if (++successes >= Math.Max(1, probe.SuccessThreshold ?? 1))
                    SetReady(true);
            }
            else
            {
                successes = 0;
                await _unhealthy("Readiness", outcome.Message);
                if (++failures >= Math.Max(1, probe.FailureThreshold ?? 3))
                    SetReady(false);
            }

            await Task.Delay(Period(probe), cancellationToken);
        }
    }

    private async Task InitialDelayAsync(Probe probe, CancellationToken cancellationToken)
    {
        var wait = _startedAt + TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, cancellationToken);
    }

    private static TimeSpan Period(Probe probe) => TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds ?? 10));

    private void SetReady(bool ready)
    {
        if (_ready == ready)
            return;
        _ready = ready;
        _changed();
    }

    private void Kill(string reason)
    {
        _ready = false;
        _killReason = reason;
        _changed();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }
}
