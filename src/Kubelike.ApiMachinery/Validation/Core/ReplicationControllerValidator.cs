using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Metadata;
using MetaV1 = Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A ReplicationController (upstream's ValidateReplicationControllerSpec): a non-empty map selector matching its template.</summary>
public sealed class ReplicationControllerValidator : FieldValidator<ReplicationController>
{
    public ReplicationControllerValidator()
    {
        Check((controller, e) =>
        {
            var spec = controller.Spec ?? new ReplicationControllerSpec();
            var at = e.Path.Child("spec");
            e.Nonnegative(at.Child("minReadySeconds"), spec.MinReadySeconds);
            if (spec.Selector is not { Count: > 0 })
            {
                e.Required(at.Child("selector"));
            }
            else
            {
                e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(spec.Selector), at.Child("selector")));
            }
            e.Nonnegative(at.Child("replicas"), spec.Replicas);
            var selector = spec.Selector is { Count: > 0 } labels ? new MetaV1.LabelSelector { MatchLabels = labels } : null;
            PodTemplateSpecValidator.ForController(e, at.Child("template"), spec.Template, selector, PodTemplateSpecValidator.AlwaysRestart, "ReplicationController");
        });
    }
}

/// <summary>A PodTemplate object: its template.</summary>
public sealed class PodTemplateValidator : FieldValidator<PodTemplate>
{
    public PodTemplateValidator() =>
        Check((podTemplate, e) =>
        {
            if (podTemplate.Template is null)
            {
                e.Required(e.Path.Child("template"));
                return;
            }
            e.Validate(PodTemplateSpecValidator.Instance, podTemplate.Template, e.Path.Child("template"));
        });
}
