using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Client.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease, as client-go's leaderelection does it: candidates try
/// every retry period to take a Lease whose holder has not renewed for a lease duration (judged by the local clock
/// from when the last change was observed, so clocks need not agree); the leader renews every retry period and
/// stops leading when it cannot renew within the renew deadline. Writes use the Lease's resourceVersion, so two
/// candidates can never both win one round.
/// </summary>
public sealed class LeaderElector
{
    private readonly ResourceClient<Lease> _leases;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private LeaseSpec? _observed;
    private DateTimeOffset _observedAt;
    private string? _observedResourceVersion;
    private string? _reportedLeader;

    public LeaderElector(KubernetesClient client, LeaderElectionOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _leases = client.Resource<Lease>();
        _options = options;
        _time = client.Time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Whether this candidate held the Lease at its last successful acquire or renew.</summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate)
                return _observed?.HolderIdentity == _options.Identity;
        }
    }

    /// <summary>The holder last observed, if any.</summary>
    public string? Leader
    {
        get
        {
            lock (_gate)
                return string.IsNullOrEmpty(_observed?.HolderIdentity) ? null : _observed.HolderIdentity;
        }
    }

    /// <summary>
    /// Competes until it leads, leads until it loses the Lease or <paramref name="cancellationToken"/> is cancelled,
    /// then returns (releasing the Lease if <see cref="LeaderElectionOptions.ReleaseOnCancel"/>). Run it again to compete again.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await AcquireAsync(cancellationToken))
            return;

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = _options.OnStartedLeading is { } started ? Task.Run(() => started(leading.Token), CancellationToken.None) : Task.CompletedTask;
        try
        {
            await RenewAsync(cancellationToken);
        }
        finally
        {
            await leading.CancelAsync();
            try
            {
                await work;
            }
#pragma warning disable CA1031 // The leader's work ending in any way must not keep the Lease from being released.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (e is not OperationCanceledException)
                    _logger.LogError(e, "leader election {Lease}: the leader's work failed", _options.LeaseName);
            }

            if (_options.ReleaseOnCancel && cancellationToken.IsCancellationRequested)
                await ReleaseAsync();
            _options.OnStoppedLeading?.Invoke();
        }
    }

    /// <summary>Tries every retry period (with jitter) until it holds the Lease; false when cancelled first.</summary>
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(cancellationToken))
            {
                _logger.LogInformation("leader election {Lease}: {Identity} acquired the lease", _options.LeaseName, _options.Identity);
                return true;
            }

            try
            {
                await Task.Delay(_options.RetryPeriod * (1 + (Random.Shared.NextDouble() * 1.2)), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Renews every retry period; returns when a renewal failed for a whole renew deadline, or when cancelled.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var deadline = _time.GetUtcNow() + _options.RenewDeadline;
            var renewed = false;
            while (!cancellationToken.IsCancellationRequested && _time.GetUtcNow() < deadline)
            {
                if (await TryAcquireOrRenewAsync(cancellationToken))
                {
                    renewed = true;
                    break;
                }

                if (!await DelayAsync(_options.RetryPeriod, cancellationToken))
                    return;
            }

            if (!renewed)
            {
                if (!cancellationToken.IsCancellationRequested)
                    _logger.LogWarning("leader election {Lease}: {Identity} could not renew within {Deadline}; stepping down", _options.LeaseName, _options.Identity, _options.RenewDeadline);
                return;
            }

            if (!await DelayAsync(_options.RetryPeriod, cancellationToken))
                return;
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One round: read the Lease, and take or renew it if it is ours or has expired.</summary>
    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            Lease lease;
            try
            {
                lease = await _leases.GetAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                var created = await _leases.CreateAsync(new Lease
                {
                    Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _options.LeaseNamespace },
                    Spec = NewSpec(now, acquireTime: now, transitions: 0),
                }, cancellationToken: cancellationToken);
                Observe(created, now);
                return true;
            }

            var spec = lease.Spec ?? new LeaseSpec();
            Observe(lease, now);
            DateTimeOffset observedAt;
            lock (_gate)
                observedAt = _observedAt;
            var holder = spec.HolderIdentity;
            var ours = holder == _options.Identity;
            var duration = spec.LeaseDurationSeconds is int seconds and > 0 ? TimeSpan.FromSeconds(seconds) : _options.LeaseDuration;
            if (!string.IsNullOrEmpty(holder) && !ours && observedAt + duration > now)
                return false;

            lease.Spec = ours
                ? NewSpec(now, spec.AcquireTime ?? now, spec.LeaseTransitions ?? 0)
                : NewSpec(now, acquireTime: now, transitions: (spec.LeaseTransitions ?? 0) + 1);
            var updated = await _leases.UpdateAsync(lease, cancellationToken: cancellationToken);
            Observe(updated, now);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            // A conflict means someone else wrote first; anything else is retried next round.
            if (e is not KubernetesApiException { IsConflict: true })
                _logger.LogWarning("leader election {Lease}: {Message}", _options.LeaseName, e.Message);
            return false;
        }
    }

    /// <summary>Gives the Lease up: an empty holder that others may take at once.</summary>
    private async Task ReleaseAsync()
    {
        Lease lease;
        try
        {
            using var timeout = new CancellationTokenSource(_options.RenewDeadline);
            lease = await _leases.GetAsync(_options.LeaseName, _options.LeaseNamespace, timeout.Token);
            if (lease.Spec?.HolderIdentity != _options.Identity)
                return;
            var now = _time.GetUtcNow();
            lease.Spec = new LeaseSpec
            {
                HolderIdentity = null,
                LeaseDurationSeconds = 1,
                AcquireTime = new MicroTime(now),
                RenewTime = new MicroTime(now),
                LeaseTransitions = lease.Spec.LeaseTransitions,
            };
            var released = await _leases.UpdateAsync(lease, cancellationToken: timeout.Token);
            Observe(released, now);
            _logger.LogInformation("leader election {Lease}: {Identity} released the lease", _options.LeaseName, _options.Identity);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning("leader election {Lease}: could not release the lease: {Message}", _options.LeaseName, e.Message);
        }
    }

    private LeaseSpec NewSpec(DateTimeOffset now, MicroTime acquireTime, int transitions) => new()
    {
        HolderIdentity = _options.Identity,
        LeaseDurationSeconds = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds),
        AcquireTime = acquireTime,
        RenewTime = new MicroTime(now),
        LeaseTransitions = transitions,
    };

    /// <summary>Records the Lease as seen now; the expiry clock restarts only when the Lease changed.</summary>
    private void Observe(Lease lease, DateTimeOffset now)
    {
        string? newLeader = null;
        lock (_gate)
        {
            var resourceVersion = lease.Metadata?.ResourceVersion;
            if (resourceVersion != _observedResourceVersion)
            {
                _observed = lease.Spec ?? new LeaseSpec();
                _observedResourceVersion = resourceVersion;
                _observedAt = now;
            }

            var holder = _observed?.HolderIdentity;
            if (!string.IsNullOrEmpty(holder) && holder != _reportedLeader)
            {
                _reportedLeader = holder;
                newLeader = holder;
            }
        }

        if (newLeader is not null)
            _options.OnNewLeader?.Invoke(newLeader);
    }
}
