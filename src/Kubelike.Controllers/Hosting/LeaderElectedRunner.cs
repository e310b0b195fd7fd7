using Kubelike.Client.LeaderElection;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Hosting;

/// <summary>
/// Runs a component's work only while this process holds the component's Lease in kube-system
/// (<c>kube-controller-manager</c>, <c>kube-scheduler</c>), so that of several servers sharing one datastore exactly
/// one acts. The work gets a token that is cancelled when leadership ends; it must build its state (informers,
/// queues) inside, so that a later term starts afresh. Upstream's components exit when they lose their Lease; here
/// the process competes again instead, since it also serves the API. On shutdown the Lease is released so that a
/// successor takes over at once instead of after the lease duration.
/// </summary>
public static class LeaderElectedRunner
{
    /// <summary>How long shutdown waits for the leader's work to stop and the Lease to be released.</summary>
    private static readonly TimeSpan StepDownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// As <see cref="RunAsync"/>, for a hosted service in the API server's own process: the host stops serving
    /// the API before it stops later-registered services, so leadership ends as soon as the application starts
    /// stopping, and the host waits (a bounded time) until the Lease is released, while the API still answers.
    /// </summary>
    public static async Task RunInHostAsync(
        KubernetesClient client, string leaseName, Func<CancellationToken, Task> work, ILogger logger, IHostApplicationLifetime lifetime,
        CancellationToken stoppingToken, LeaderElectionTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        using var stepDown = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = RunAsync(client, leaseName, work, logger, stepDown.Token, timings);
        // Disposed asynchronously: a synchronous Dispose would wait for the callback, which waits for us.
        await using var stopping = lifetime.ApplicationStopping.Register(() =>
        {
            stepDown.Cancel();
            // Blocking here is the point: ApplicationStopping callbacks run before the server stops listening.
            Task.WhenAny(running, Task.Delay(StepDownTimeout)).GetAwaiter().GetResult();
        });
        await running;
    }

    public static async Task RunAsync(
        KubernetesClient client, string leaseName, Func<CancellationToken, Task> work, ILogger logger, CancellationToken stoppingToken, LeaderElectionTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        timings ??= LeaderElectionTimings.Default;
        // As upstream names candidates: host name and a unique suffix, so two processes on one host differ.
        var identity = $"{Environment.MachineName}_{Guid.NewGuid()}";
        while (!stoppingToken.IsCancellationRequested)
        {
            var elector = new LeaderElector(client, new LeaderElectionOptions
            {
                LeaseName = leaseName,
                Identity = identity,
                LeaseDuration = timings.LeaseDuration,
                RenewDeadline = timings.RenewDeadline,
                RetryPeriod = timings.RetryPeriod,
                ReleaseOnCancel = true,
                OnStartedLeading = async leading =>
                {
                    logger.LogInformation("{Lease}: {Identity} is the leader; starting", leaseName, identity);
                    await work(leading);
                },
                OnNewLeader = leader =>
                {
                    if (leader != identity)
                        logger.LogInformation("{Lease}: the leader is {Leader}", leaseName, leader);
                },
            }, logger);
            await elector.RunAsync(stoppingToken);
            if (!stoppingToken.IsCancellationRequested)
                logger.LogWarning("{Lease}: {Identity} lost the lease; stopped, competing again", leaseName, identity);
        }
    }
}
