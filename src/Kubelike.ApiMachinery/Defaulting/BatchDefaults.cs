using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of batch/v1: Job and CronJob.</summary>
internal static class BatchDefaults
{
    public static void Apply(string kind, JsonObject obj)
    {
        switch (kind)
        {
            case "Job":
                ApplyToJob(obj);
                break;
            case "CronJob":
                ApplyToCronJob(obj);
                break;
            default:
                break;
        }
    }

    private static void ApplyToJob(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        // A non-parallel job may leave both unset: both become 1. Completions set alone keeps parallelism 1;
        // parallelism set alone leaves completions unset (a work-queue job).
        if (IsUnset(spec, "completions") && IsUnset(spec, "parallelism"))
        {
            spec["completions"] = 1;
        }
        SetIfUnset(spec, "parallelism", 1);
        if (IsUnset(spec, "backoffLimit"))
        {
            spec["backoffLimit"] = IsUnset(spec, "backoffLimitPerIndex") ? 6 : int.MaxValue;
        }
        var template = GetObject(spec, "template");
        if (template is not null && GetPath(template, "metadata", "labels") is { } labels)
        {
            var metadata = EnsureObject(obj, "metadata");
            if (GetObject(metadata, "labels") is not { Count: > 0 })
            {
                metadata["labels"] = labels.DeepClone();
            }
        }
        SetIfUnset(spec, "completionMode", "NonIndexed");
        SetIfUnset(spec, "suspend", false);
        var podFailurePolicy = GetObject(spec, "podFailurePolicy");
        foreach (var rule in Items(podFailurePolicy, "rules"))
        {
            foreach (var condition in Items(rule, "onPodConditions"))
            {
                SetIfUnsetOrEmpty(condition, "status", "True");
            }
        }
        SetIfUnset(spec, "podReplacementPolicy", podFailurePolicy is null ? "TerminatingOrFailed" : "Failed");
        if (IsUnset(spec, "manualSelector"))
        {
            spec["manualSelector"] = false;
        }
        PodSpecDefaults.ApplyToTemplate(template);
    }

    /// <summary>
    /// A new Job without a manual selector gets one (upstream's job strategy on create): its pods are labelled with
    /// the Job's name and uid (prefixed and legacy keys) and selected by <c>batch.kubernetes.io/controller-uid</c>.
    /// Labels the user already set are kept (a conflict then fails validation). Like the defaults read back from
    /// storage upstream, a Job with no labels of its own takes its pod template's.
    /// </summary>
    public static void GenerateJobSelector(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        if (GetBool(spec, "manualSelector") == true)
        {
            return;
        }
        var metadata = EnsureObject(obj, "metadata");
        var name = GetString(metadata, "name") ?? "";
        var uid = GetString(metadata, "uid") ?? "";
        var templateMetadata = EnsureObject(EnsureObject(spec, "template"), "metadata");
        var labels = EnsureObject(templateMetadata, "labels");
        foreach (var (key, value) in new[] { (LegacyJobNameLabel, name), (JobNameLabel, name), (LegacyControllerUidLabel, uid), (ControllerUidLabel, uid) })
        {
            if (IsUnset(labels, key))
            {
                labels[key] = value;
            }
        }
        var matchLabels = EnsureObject(EnsureObject(spec, "selector"), "matchLabels");
        if (IsUnset(matchLabels, ControllerUidLabel))
        {
            matchLabels[ControllerUidLabel] = uid;
        }
        if (GetObject(metadata, "labels") is not { Count: > 0 })
        {
            metadata["labels"] = labels.DeepClone();
        }
    }

    private const string JobNameLabel = "batch.kubernetes.io/job-name";
    private const string LegacyJobNameLabel = "job-name";
    private const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    private const string LegacyControllerUidLabel = "controller-uid";

    private static void ApplyToCronJob(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        SetIfUnsetOrEmpty(spec, "concurrencyPolicy", "Allow");
        SetIfUnset(spec, "suspend", false);
        SetIfUnset(spec, "successfulJobsHistoryLimit", 3);
        SetIfUnset(spec, "failedJobsHistoryLimit", 1);
        // Upstream defaults only the pod template inside the job template, not the job spec's own fields.
        PodSpecDefaults.ApplyToTemplate(GetPath(spec, "jobTemplate", "spec", "template"));
    }
}
