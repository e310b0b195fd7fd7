using Kubelike.Api.Apps.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Controllers.Deployments;

/// <summary>The Deployment conditions upstream's controller sets, their reasons, and how one replaces another.</summary>
public static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";

    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    public static DeploymentCondition? Get(IEnumerable<DeploymentCondition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static DeploymentCondition New(string type, string status, string reason, string message, Time now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastUpdateTime = now,
        LastTransitionTime = now,
    };

    /// <summary>
    /// Puts <paramref name="condition"/> in place of the one of its type, unless that one has the same status and
    /// reason already; the transition time stays when only the reason changes.
    /// </summary>
    public static void Set(List<DeploymentCondition> conditions, DeploymentCondition condition)
    {
        var current = Get(conditions, condition.Type!);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason)
            return;
        if (current is not null && current.Status == condition.Status)
            condition.LastTransitionTime = current.LastTransitionTime;
        conditions.RemoveAll(c => c.Type == condition.Type);
        conditions.Add(condition);
    }

    public static bool Same(IList<DeploymentCondition>? a, List<DeploymentCondition> b) =>
        (a?.Count ?? 0) == b.Count
        && b.All(c => a!.Any(x => x.Type == c.Type && x.Status == c.Status && x.Reason == c.Reason && x.Message == c.Message
            && Seconds(x.LastUpdateTime) == Seconds(c.LastUpdateTime) && Seconds(x.LastTransitionTime) == Seconds(c.LastTransitionTime)));

    // Times travel with second precision, so a condition read back equals the one written only to the second.
    private static long? Seconds(Time? time) => time?.Value.ToUnixTimeSeconds();
}
