using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.ReplicaSets;

/// <summary>Pod states as the workload controllers count them.</summary>
public static class PodReadiness
{
    public static bool IsActive(Pod pod) =>
        pod.Metadata?.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");

    public static PodCondition? ReadyCondition(Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    public static bool IsReady(Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>Ready for at least <paramref name="minReadySeconds"/> (by the Ready condition's transition time).</summary>
    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        if (!IsReady(pod))
            return false;
        if (minReadySeconds <= 0)
            return true;
        var since = ReadyCondition(pod)?.LastTransitionTime;
        return since is { } t && !t.IsZero && t.Value + TimeSpan.FromSeconds(minReadySeconds) <= now;
    }

    /// <summary>
    /// Which pod to delete first on scale-down (upstream's ActivePods ordering): unassigned before assigned,
    /// pending before unknown before running, not ready before ready, ready more recently before longer, then newer before older.
    /// </summary>
    public static int CompareForDeletion(Pod a, Pod b)
    {
        int c;
        if ((c = Assigned(a).CompareTo(Assigned(b))) != 0)
            return c;
        if ((c = PhaseRank(a).CompareTo(PhaseRank(b))) != 0)
            return c;
        if ((c = IsReady(a).CompareTo(IsReady(b))) != 0)
            return c;
        if (IsReady(a) && IsReady(b) && (c = ReadySince(b).CompareTo(ReadySince(a))) != 0)
            return c;
        return Created(b).CompareTo(Created(a));
    }

    private static bool Assigned(Pod pod) => !string.IsNullOrEmpty(pod.Spec?.NodeName);

    private static int PhaseRank(Pod pod) => pod.Status?.Phase switch
    {
        "Pending" or null => 0,
        "Unknown" => 1,
        "Running" => 2,
        _ => 3,
    };

    private static DateTimeOffset ReadySince(Pod pod) => ReadyCondition(pod)?.LastTransitionTime?.Value ?? default;

    private static DateTimeOffset Created(Pod pod) => pod.Metadata?.CreationTimestamp?.Value ?? default;
}
