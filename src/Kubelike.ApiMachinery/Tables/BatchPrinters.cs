using Kubelike.Api.Batch.V1;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Printers for batch/v1, as kube-apiserver 1.33 prints them.</summary>
internal static class BatchPrinters
{
    public static void Register(Dictionary<(string, string), KindPrinter> printers)
    {
        printers[("batch", "jobs")] = new(
        [
            Column.Name,
            Column.Of("Status", "string", "Status of the job."),
            Column.Of("Completions", "string", Doc<JobStatus>("succeeded")),
            Column.Of("Duration", "string", "Time required to complete the job."),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<JobSpec>("selector")),
        ], (o, now) =>
        {
            var succeeded = Int(o, "status", "succeeded");
            string completions;
            if (IntOrNull(o, "spec", "completions") is { } total)
                completions = $"{succeeded}/{total}";
            else if (Int(o, "spec", "parallelism") is var parallelism && parallelism > 1)
                completions = $"{succeeded}/1 of {parallelism}";
            else
                completions = $"{succeeded}/1";
            var start = Time(o, "status", "startTime");
            var completion = Time(o, "status", "completionTime");
            var duration = start is null ? "" : Durations.Human((completion ?? now) - start.Value);
            var status = HasCondition(o, "Complete") ? "Complete"
                : HasCondition(o, "Failed") ? "Failed"
                : Deleting(o) ? "Terminating"
                : HasCondition(o, "Suspended") ? "Suspended"
                : HasCondition(o, "FailureTarget") ? "FailureTarget"
                : "Running";
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), status, completions, duration, Age(o, now), names, images, FormatLabelSelector(At(o, "spec", "selector"))];
        });

        printers[("batch", "cronjobs")] = new(
        [
            Column.Name,
            Column.Of("Schedule", "string", Doc<CronJobSpec>("schedule")),
            Column.Of("Timezone", "string", Doc<CronJobSpec>("timeZone")),
            Column.Of("Suspend", "boolean", Doc<CronJobSpec>("suspend")),
            Column.Of("Active", "integer", Doc<CronJobStatus>("active")),
            Column.Of("Last Schedule", "string", Doc<CronJobStatus>("lastScheduleTime")),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<JobSpec>("selector")),
        ], (o, now) =>
        {
            var lastSchedule = Time(o, "status", "lastScheduleTime") is { } t ? Since(t, now) : None;
            var suspend = BoolOrNull(o, "spec", "suspend") is { } s ? (s ? "True" : "False") : "<unset>";
            var (names, images) = Containers(At(o, "spec", "jobTemplate", "spec", "template", "spec"));
            return [Name(o), Str(o, "spec", "schedule"), StrOrNull(o, "spec", "timeZone") ?? None, suspend, (long)Count(o, "status", "active"),
                lastSchedule, Age(o, now), names, images, FormatLabelSelector(At(o, "spec", "jobTemplate", "spec", "selector"))];
        });
    }

    /// <summary>Whether the job's first condition of the type has status True.</summary>
    private static bool HasCondition(System.Text.Json.Nodes.JsonObject job, string type) =>
        Objects(job, "status", "conditions").FirstOrDefault(c => Str(c, "type") == type) is { } c && Str(c, "status") == "True";
}
