using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.ClusterRoleAggregation;
using Kubelike.Controllers.CronJobs;
using Kubelike.Controllers.DaemonSets;
using Kubelike.Controllers.Deployments;
using Kubelike.Controllers.Endpoints;
using Kubelike.Controllers.EndpointSlices;
using Kubelike.Controllers.GarbageCollection;
using Kubelike.Controllers.Jobs;
using Kubelike.Controllers.LoadBalancers;
using Kubelike.Controllers.Namespaces;
using Kubelike.Controllers.NodeLifecycle;
using Kubelike.Controllers.ReplicaSets;
using Kubelike.Controllers.ReplicationControllers;
using Kubelike.Controllers.Runtime;
using Kubelike.Controllers.Scheduling;
using Kubelike.Controllers.ServiceAccounts;
using Kubelike.Controllers.StatefulSets;
using Kubelike.Controllers.Volumes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Hosting;

/// <summary>
/// Runs the controllers in the server process once the API is serving: a client from <paramref name="connect"/>
/// (called after the host has started, when the admin kubeconfig exists), and, while this process holds the
/// <c>kube-controller-manager</c> Lease, one shared informer per kind and each controller's workers; and, while it holds
/// the <c>kube-scheduler</c> Lease, the scheduler with informers of its own (as two upstream binaries would).
/// </summary>
public sealed class ControllerManager(
    Func<KubernetesClient> connect, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, LeaderElectionTimings? timings = null, LocalPathOptions? localPath = null,
    NodeLifecycleOptions? nodeLifecycle = null) : BackgroundService
{
    /// <summary>The Lease in kube-system that upstream's kube-controller-manager elects its leader with.</summary>
    public const string LeaseName = "kube-controller-manager";

    /// <summary>The Lease in kube-system that upstream's kube-scheduler elects its leader with.</summary>
    public const string SchedulerLeaseName = "kube-scheduler";

    private const int WorkersPerController = 2;
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggerFactory.CreateLogger<ControllerManager>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var client = await ConnectAsync(logger, stoppingToken);
        if (client is null)
            return;
        // Of several servers on one datastore, only the holder of the kube-controller-manager Lease runs controllers,
        // and only the holder of the kube-scheduler Lease schedules (not necessarily the same process).
        await Task.WhenAll(
            LeaderElectedRunner.RunInHostAsync(client, LeaseName, leading => RunControllersAsync(client, logger, leading), logger, lifetime, stoppingToken, timings),
            LeaderElectedRunner.RunInHostAsync(client, SchedulerLeaseName, leading => RunSchedulerAsync(client, leading), logger, lifetime, stoppingToken, timings));
    }

    /// <summary>One term as the scheduler's leader.</summary>
    private async Task RunSchedulerAsync(KubernetesClient client, CancellationToken leading)
    {
        await using var informers = new SharedInformerFactory(client, loggerFactory: loggerFactory);
        using var scheduler = new Scheduler(client, informers, loggerFactory.CreateLogger<Scheduler>());
        informers.Start(leading);
        if (!await informers.WaitForCacheSyncAsync(leading))
            return;
        await scheduler.RunAsync(leading);
    }

    /// <summary>One term as leader: fresh informers and controllers, run until <paramref name="leading"/> ends.</summary>
    private async Task RunControllersAsync(KubernetesClient client, ILogger logger, CancellationToken leading)
    {
        await using var informers = new SharedInformerFactory(client, loggerFactory: loggerFactory);
        using var replicaSets = new ReplicaSetController(client, informers, loggerFactory.CreateLogger<ReplicaSetController>());
        using var deployments = new DeploymentController(client, informers, loggerFactory.CreateLogger<DeploymentController>());
        using var replicationControllers = new ReplicationManager(client, informers, loggerFactory.CreateLogger<ReplicationManager>());
        using var statefulSets = new StatefulSetController(client, informers, loggerFactory.CreateLogger<StatefulSetController>());
        using var daemonSets = new DaemonSetController(client, informers, loggerFactory.CreateLogger<DaemonSetController>());
        using var garbageCollector = new GarbageCollector(client, informers, loggerFactory.CreateLogger<GarbageCollector>());
        using var namespaces = new NamespaceController(client, informers, loggerFactory.CreateLogger<NamespaceController>());
        using var serviceAccounts = new ServiceAccountController(client, informers, loggerFactory.CreateLogger<ServiceAccountController>());
        using var jobs = new JobController(client, informers, loggerFactory.CreateLogger<JobController>());
        using var jobTtl = new TtlAfterFinishedController(client, informers, loggerFactory.CreateLogger<TtlAfterFinishedController>());
        using var cronJobs = new CronJobController(client, informers, loggerFactory.CreateLogger<CronJobController>());
        using var endpoints = new EndpointsController(client, informers, loggerFactory.CreateLogger<EndpointsController>());
        using var endpointSlices = new EndpointSliceController(client, informers, loggerFactory.CreateLogger<EndpointSliceController>());
        using var loadBalancers = new LoadBalancerController(client, informers, loggerFactory.CreateLogger<LoadBalancerController>());
        using var volumeBinder = new PersistentVolumeBinder(client, informers, localPath ?? new LocalPathOptions("/var/lib/kubelike/local-path"), loggerFactory.CreateLogger<PersistentVolumeBinder>());
        using var clusterRoleAggregation = new ClusterRoleAggregationController(client, informers, loggerFactory.CreateLogger<ClusterRoleAggregationController>());
        using var nodeLifecycleController = new NodeLifecycleController(client, informers, loggerFactory.CreateLogger<NodeLifecycleController>(), nodeLifecycle);
        using var taintEviction = new TaintEvictionController(client, informers, loggerFactory.CreateLogger<TaintEvictionController>());
        informers.Start(leading);
        if (!await informers.WaitForCacheSyncAsync(leading))
            return;
        Reconciler[] controllers =
        [
            replicaSets, deployments, garbageCollector, replicationControllers, statefulSets, daemonSets, namespaces, serviceAccounts, jobs, jobTtl,
            cronJobs, endpoints, endpointSlices, loadBalancers, volumeBinder, clusterRoleAggregation, nodeLifecycleController, taintEviction,
        ];
        logger.LogInformation("controllers started: {Controllers}", string.Join(", ", controllers.Select(c => c.GetType().Name)));
        await Task.WhenAll(controllers.Select(c => c.RunAsync(WorkersPerController, leading)));
    }

    /// <summary>
    /// A client, retried until it can be built: the kubeconfig is written on the same start signal we wait for,
    /// and a failure here must never stop the API server. Null when shutting down first.
    /// </summary>
    private async Task<KubernetesClient?> ConnectAsync(ILogger logger, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return connect();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("controllers cannot connect yet: {Reason}", e.Message);
            }

            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
