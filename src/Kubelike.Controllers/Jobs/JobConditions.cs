using Kubelike.Api.Batch.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Controllers.Jobs;

/// <summary>A Job's conditions as the Job, CronJob and TTL controllers read and write them.</summary>
public static class JobConditions
{
    public const string Complete = "Complete";
    public const string Failed = "Failed";
    public const string FailureTarget = "FailureTarget";
    public const string SuccessCriteriaMet = "SuccessCriteriaMet";
    public const string Suspended = "Suspended";

    public static JobCondition? Find(Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(Job job, string type) => Find(job, type)?.Status == "True";

    /// <summary>Finished: Complete or Failed is True.</summary>
    public static bool IsFinished(Job job) => FinishedType(job) is not null;

    /// <summary>Complete or Failed, whichever is True, or null.</summary>
    public static string? FinishedType(Job job) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type is Complete or Failed && c.Status == "True")?.Type;

    public static JobCondition New(string type, string status, string? reason, string? message, DateTimeOffset now) => new()
    {
        Type = type,
        Status = status,
        Reason = string.IsNullOrEmpty(reason) ? null : reason,
        Message = string.IsNullOrEmpty(message) ? null : message,
        LastProbeTime = new Time(now),
        LastTransitionTime = new Time(now),
    };

    /// <summary>
    /// Sets a condition's status, reason and message (a new one is added only when its status is not False);
    /// whether anything changed.
    /// </summary>
    public static bool Ensure(JobStatus status, string type, string value, string? reason, string? message, DateTimeOffset now)
    {
        status.Conditions ??= [];
        var existing = status.Conditions.FirstOrDefault(c => c.Type == type);
        if (existing is not null)
        {
            if (existing.Status == value && (existing.Reason ?? "") == (reason ?? "") && (existing.Message ?? "") == (message ?? ""))
                return false;
            status.Conditions[status.Conditions.IndexOf(existing)] = New(type, value, reason, message, now);
            return true;
        }

        if (value == "False")
            return false;
        status.Conditions.Add(New(type, value, reason, message, now));
        return true;
    }
}
