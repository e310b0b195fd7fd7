using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Metadata;
using MetaV1 = Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// A pod template (upstream's ValidatePodTemplateSpec): its labels and annotations and its pod spec; no ephemeral
/// containers. <see cref="ForController"/> adds the rules of the controllers that stamp pods out of it.
/// </summary>
public sealed class PodTemplateSpecValidator : FieldValidator<PodTemplateSpec>
{
    public static PodTemplateSpecValidator Instance { get; } = new();

    /// <summary>The only restart policy of pods that controllers keep running (ReplicaSets, Deployments, ...).</summary>
    public static readonly IReadOnlyList<string> AlwaysRestart = ["Always"];

    /// <summary>The restart policies of a Job's pods.</summary>
    public static readonly IReadOnlyList<string> JobRestart = ["OnFailure", "Never"];

    public PodTemplateSpecValidator()
    {
        Check((template, e) =>
        {
            e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(template.Metadata?.Labels), e.Path.Child("labels")));
            e.AddRange(ObjectMetaValidation.ValidateAnnotations(Maps.ReadOnly(template.Metadata?.Annotations), e.Path.Child("annotations")));
            if (template.Spec is null)
            {
                e.Required(e.Path.Child("spec", "containers"));
                return;
            }
            e.Validate(PodSpecValidator.Instance, template.Spec, e.Path.Child("spec"));
            if (template.Spec.EphemeralContainers is { Count: > 0 })
            {
                e.Forbidden(e.Path.Child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template");
            }
        });
    }

    /// <summary>
    /// The template of a controller (upstream's ValidatePodTemplateSpecForReplicaSet and the Job rules): present, its
    /// labels matched by the selector, a restart policy the controller supports, no activeDeadlineSeconds for
    /// controllers that keep pods running (<paramref name="longRunningKind"/> names them in the message, as upstream does).
    /// </summary>
    public static void ForController(
        FieldErrorCollector e, FieldPath at, PodTemplateSpec? template, MetaV1.LabelSelector? selector, IReadOnlyList<string> restartPolicies, string? longRunningKind = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(restartPolicies);
        if (template is null)
        {
            e.Required(at);
            return;
        }
        MatchesSelector(e, at, template.Metadata, selector);
        e.Validate(Instance, template, at);
        var restartPolicy = template.Spec?.RestartPolicy ?? "";
        if (!restartPolicies.Contains(restartPolicy))
        {
            e.NotSupported(at.Child("spec", "restartPolicy"), restartPolicy, restartPolicies);
        }
        if (longRunningKind is not null && template.Spec?.ActiveDeadlineSeconds is { } deadline)
        {
            e.Invalid(at.Child("spec", "activeDeadlineSeconds"), deadline, $"activeDeadlineSeconds in {longRunningKind} is not Supported");
        }
    }

    /// <summary>A non-empty selector must select the template's labels.</summary>
    public static void MatchesSelector(FieldErrorCollector e, FieldPath at, MetaV1.ObjectMeta? metadata, MetaV1.LabelSelector? selector)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (LabelSelectorValidator.IsEmpty(selector) || LabelSelectorValidator.ToSelector(selector) is not { } matcher)
        {
            return;
        }
        var labels = Maps.ReadOnly(metadata?.Labels);
        if (!matcher.Matches(labels))
        {
            e.Invalid(at.Child("metadata", "labels"), labels, "`selector` does not match template `labels`");
        }
    }
}
