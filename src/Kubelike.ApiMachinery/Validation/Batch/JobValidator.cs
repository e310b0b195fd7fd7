using Kubelike.Api.Batch.V1;
using Kubelike.ApiMachinery.Validation.Core;

namespace Kubelike.ApiMachinery.Validation.Batch;

/// <summary>A Job (upstream's validateJobSpec): non-negative counts, a known completion mode, a template whose pods stop.</summary>
public sealed class JobValidator : FieldValidator<Job>
{
    public JobValidator() =>
        Check((job, e) => e.Validate(JobSpecValidator.Instance, job.Spec ?? new JobSpec(), e.Path.Child("spec")));
}

/// <summary>A Job's spec, in a Job or a CronJob's job template.</summary>
public sealed class JobSpecValidator : FieldValidator<JobSpec>
{
    public static JobSpecValidator Instance { get; } = new();

    private static readonly string[] CompletionModes = ["NonIndexed", "Indexed"];
    private static readonly string[] PodReplacementPolicies = ["TerminatingOrFailed", "Failed"];

    public JobSpecValidator() =>
        Check((spec, e) =>
        {
            e.Nonnegative(e.Path.Child("parallelism"), spec.Parallelism);
            e.Nonnegative(e.Path.Child("completions"), spec.Completions);
            e.Nonnegative(e.Path.Child("activeDeadlineSeconds"), spec.ActiveDeadlineSeconds);
            e.Nonnegative(e.Path.Child("backoffLimit"), spec.BackoffLimit);
            e.Nonnegative(e.Path.Child("ttlSecondsAfterFinished"), spec.TtlSecondsAfterFinished);
            e.Nonnegative(e.Path.Child("backoffLimitPerIndex"), spec.BackoffLimitPerIndex);
            e.Nonnegative(e.Path.Child("maxFailedIndexes"), spec.MaxFailedIndexes);
            if (spec.CompletionMode is { } mode)
            {
                e.OneOf(e.Path.Child("completionMode"), mode, CompletionModes);
                if (mode == "Indexed" && spec.Completions is null)
                {
                    e.Required(e.Path.Child("completions"), "when completion mode is Indexed");
                }
            }
            if (spec.BackoffLimitPerIndex is not null && spec.CompletionMode != "Indexed")
            {
                e.Invalid(e.Path.Child("backoffLimitPerIndex"), spec.BackoffLimitPerIndex.Value, "requires indexed completion mode");
            }
            e.OneOf(e.Path.Child("podReplacementPolicy"), spec.PodReplacementPolicy, PodReplacementPolicies, required: false);
            if (spec.ManualSelector == true && spec.Selector is null)
            {
                e.Required(e.Path.Child("selector"));
            }
            e.Validate(LabelSelectorValidator.Instance, spec.Selector, e.Path.Child("selector"));
            // The selector is checked against the template when there is one (a Job's is generated on create unless manual).
            PodTemplateSpecValidator.ForController(e, e.Path.Child("template"), spec.Template, spec.Selector, PodTemplateSpecValidator.JobRestart);
            if (spec.Template?.Spec?.RestartPolicy == "OnFailure" && spec.PodFailurePolicy is not null)
            {
                e.Invalid(e.Path.Child("podFailurePolicy"), FieldErrorCollector.Display(spec.PodFailurePolicy),
                    "only allowed when `template.spec.restartPolicy` is 'Never'");
            }
        });
}

/// <summary>
/// A Job update (upstream's ValidateJobSpecUpdate): the template, selector, completion mode and failure policies are
/// fixed; completions too, except for an Indexed Job scaled with parallelism equal to completions.
/// </summary>
public sealed class JobUpdateValidator : FieldValidator<ObjectUpdate<Job>>
{
    public JobUpdateValidator() =>
        Check((update, e) =>
        {
            var next = update.New.Spec ?? new JobSpec();
            var old = update.Old.Spec ?? new JobSpec();
            var at = e.Path.Child("spec");
            var elastic = next.CompletionMode == "Indexed" && old.CompletionMode == "Indexed" && next.Completions == next.Parallelism && old.Completions == old.Parallelism;
            if (!elastic)
            {
                e.Immutable(at.Child("completions"), next.Completions, old.Completions);
            }
            if (!FieldErrorCollector.SameValue(next.Selector, old.Selector))
            {
                e.Invalid(at.Child("selector"), GoValues.LabelSelector(next.Selector), FieldErrorCollector.FieldImmutableMessage);
            }
            e.Immutable(at.Child("template"), next.Template, old.Template);
            e.Immutable(at.Child("completionMode"), next.CompletionMode, old.CompletionMode);
            e.Immutable(at.Child("podFailurePolicy"), next.PodFailurePolicy, old.PodFailurePolicy);
            e.Immutable(at.Child("backoffLimitPerIndex"), next.BackoffLimitPerIndex, old.BackoffLimitPerIndex);
            e.Immutable(at.Child("managedBy"), next.ManagedBy, old.ManagedBy);
        });
}
