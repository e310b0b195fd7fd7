using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Jobs;

/// <summary>
/// The delay before a Job replaces failed pods, as upstream: 10 s after the first failure since the last success,
/// doubling with each further one up to 10 minutes, counted from when the last failed pod finished.
/// </summary>
public sealed class PodFailureBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Record> _records = [];

    /// <summary>Consecutive failures since the last success, and when the last of them finished.</summary>
    public readonly record struct Record(string Key, int FailuresAfterLastSuccess, DateTimeOffset? LastFailureTime)
    {
        public TimeSpan RemainingTime(DateTimeOffset now)
        {
            if (FailuresAfterLastSuccess == 0 || LastFailureTime is not { } last)
                return TimeSpan.Zero;
            var backoff = Initial;
            for (var i = 1; i < FailuresAfterLastSuccess && backoff < Maximum; i++)
                backoff *= 2;
            if (backoff > Maximum)
                backoff = Maximum;
            var elapsed = now - last;
            return elapsed >= backoff ? TimeSpan.Zero : backoff - elapsed;
        }
    }

    /// <summary>The record after the pods that finished since the last sync: a success resets the count.</summary>
    public Record Next(string key, IReadOnlyCollection<Pod> newSucceeded, IReadOnlyCollection<Pod> newFailed)
    {
        Record current;
        lock (_gate)
            current = _records.TryGetValue(key, out var stored) ? stored : new Record(key, 0, null);
        if (newFailed.Count == 0)
            return newSucceeded.Count == 0 ? current : new Record(key, 0, null);
        var failedTimes = newFailed.Select(FinishedTime).Order().ToList();
        if (newSucceeded.Count == 0)
            return new Record(key, current.FailuresAfterLastSuccess + failedTimes.Count, failedTimes[^1]);
        var lastSuccess = newSucceeded.Max(FinishedTime);
        var after = failedTimes.Where(t => t > lastSuccess).ToList();
        return new Record(key, after.Count, after.Count == 0 ? null : after[^1]);
    }

    public void Update(Record record)
    {
        lock (_gate)
            _records[record.Key] = record;
    }

    public void Remove(string key)
    {
        lock (_gate)
            _records.Remove(key);
    }

    /// <summary>
    /// When a pod finished: its containers' last finish, else its Ready=False transition, else its deletion time
    /// less the grace period, else its creation.
    /// </summary>
    public static DateTimeOffset FinishedTime(Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        if (statuses.Count > 0 && statuses.All(s => s.State?.Terminated?.FinishedAt is { IsZero: false }))
            return statuses.Max(s => s.State!.Terminated!.FinishedAt!.Value.Value);
        if (pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { Status: "False", LastTransitionTime: { IsZero: false } since })
            return since.Value;
        if (pod.Metadata?.DeletionTimestamp is { } deleted)
            return deleted.Value - TimeSpan.FromSeconds(pod.Metadata.DeletionGracePeriodSeconds ?? 0);
        return pod.Metadata?.CreationTimestamp?.Value ?? default;
    }
}
