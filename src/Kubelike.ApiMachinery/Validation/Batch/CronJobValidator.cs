using Kubelike.Api.Batch.V1;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation.Batch;

/// <summary>A CronJob (upstream's ValidateCronJobSpec): a parseable schedule, a known time zone and policy, a valid job template.</summary>
public sealed class CronJobValidator : FieldValidator<CronJob>
{
    private static readonly string[] ConcurrencyPolicies = ["Allow", "Forbid", "Replace"];

    /// <summary>Job names get an 11-character suffix, so a CronJob's name is at most 52 characters.</summary>
    public const int MaxNameLength = ValidationRules.Dns1035LabelMaxLength - 11;

    public CronJobValidator() =>
        Check((cronJob, e) =>
        {
            if ((cronJob.Metadata?.Name?.Length ?? 0) > MaxNameLength)
            {
                e.Invalid(FieldPath.Root.Child("metadata", "name"), cronJob.Metadata!.Name, $"must be no more than {MaxNameLength} characters");
            }
            var spec = cronJob.Spec ?? new CronJobSpec();
            var at = e.Path.Child("spec");
            var schedule = spec.Schedule ?? "";
            if (schedule.Length == 0)
            {
                e.Required(at.Child("schedule"));
            }
            else
            {
                if (CronSchedule.Error(schedule) is { } error)
                {
                    e.Invalid(at.Child("schedule"), schedule, error);
                }
                if (schedule.Contains("TZ", StringComparison.Ordinal))
                {
                    e.Invalid(at.Child("schedule"), schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
                }
            }
            if (spec.TimeZone is { } timeZone && !KnownTimeZone(timeZone))
            {
                e.Invalid(at.Child("timeZone"), timeZone, "unknown time zone " + timeZone);
            }
            e.Nonnegative(at.Child("startingDeadlineSeconds"), spec.StartingDeadlineSeconds);
            e.OneOf(at.Child("concurrencyPolicy"), spec.ConcurrencyPolicy, ConcurrencyPolicies);
            e.Nonnegative(at.Child("successfulJobsHistoryLimit"), spec.SuccessfulJobsHistoryLimit);
            e.Nonnegative(at.Child("failedJobsHistoryLimit"), spec.FailedJobsHistoryLimit);
            var template = at.Child("jobTemplate");
            if (spec.JobTemplate is null)
            {
                e.Required(template);
                return;
            }
            e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(spec.JobTemplate.Metadata?.Labels), template.Child("metadata", "labels")));
            e.Validate(JobSpecValidator.Instance, spec.JobTemplate.Spec ?? new JobSpec(), template.Child("spec"));
        });

    /// <summary>An IANA zone name (what Go's time.LoadLocation accepts; "Local" is not a zone here).</summary>
    private static bool KnownTimeZone(string name)
    {
        if (name.Length == 0 || name == "Local" || name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/'))
        {
            return false;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out _);
    }
}
