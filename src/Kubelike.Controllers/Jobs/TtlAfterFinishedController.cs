using Kubelike.Api.Batch.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Jobs;

/// <summary>
/// Deletes a finished Job ttlSecondsAfterFinished after it finished (the time its Complete or Failed condition
/// turned True), with foreground propagation as upstream's TTL-after-finished controller: the Job goes once its
/// pods are gone.
/// </summary>
public sealed class TtlAfterFinishedController : Reconciler
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<Job> _jobs;

    public TtlAfterFinishedController(KubernetesClient client, SharedInformerFactory informers, ILogger<TtlAfterFinishedController> logger)
        : base(logger)
    {
        _client = client;
        _jobs = informers.GetInformer<Job>();
        _jobs.AddEventHandler(new ResourceEventHandler<Job>
        {
            Added = (job, _) => EnqueueIfExpiring(job),
            Updated = (_, job) => EnqueueIfExpiring(job),
        });
    }

    private void EnqueueIfExpiring(Job job)
    {
        if (job.Spec?.TtlSecondsAfterFinished is not null && job.Metadata?.DeletionTimestamp is null && JobConditions.IsFinished(job))
            Enqueue(job);
    }

    /// <summary>When the Job's TTL runs out, or null when it has none or has not finished.</summary>
    public static DateTimeOffset? ExpiresAt(Job job)
    {
        if (job.Spec?.TtlSecondsAfterFinished is not { } ttl || job.Metadata?.DeletionTimestamp is not null)
            return null;
        var finished = job.Status?.Conditions?.FirstOrDefault(c => c.Type is JobConditions.Complete or JobConditions.Failed && c.Status == "True");
        if (finished?.LastTransitionTime is not { IsZero: false } at)
            return null;
        return at.Value + TimeSpan.FromSeconds(ttl);
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var cached = _jobs.Cache.Get(key);
        if (cached is null || ExpiresAt(cached) is not { } expiresAt)
            return;
        var now = _client.Time.GetUtcNow();
        if (expiresAt > now)
        {
            Queue.AddAfter(key, expiresAt - now);
            return;
        }

        // The cache may be behind a user's change of the TTL: decide on the live object.
        Job fresh;
        try
        {
            fresh = await _client.Resource<Job>().GetAsync(cached.Metadata!.Name!, cached.Metadata.Namespace, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return;
        }

        if (ExpiresAt(fresh) is not { } freshExpiry)
            return;
        if (freshExpiry > now)
        {
            Queue.AddAfter(key, freshExpiry - now);
            return;
        }

        Logger.LogInformation("deleting Job {Key}: finished more than {Ttl} s ago", key, fresh.Spec!.TtlSecondsAfterFinished);
        try
        {
            await _client.Resource<Job>().DeleteAsync(fresh.Metadata!.Name!, fresh.Metadata.Namespace,
                new DeleteOptions { PropagationPolicy = "Foreground", Preconditions = new Preconditions { Uid = fresh.Metadata.Uid } }, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Gone already.
        }
    }
}
