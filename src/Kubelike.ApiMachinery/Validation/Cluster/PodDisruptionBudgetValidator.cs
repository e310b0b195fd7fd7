using Kubelike.Api.Policy.V1;
using Kubelike.ApiMachinery.Validation.Apps;

namespace Kubelike.ApiMachinery.Validation.Cluster;

/// <summary>A PodDisruptionBudget (upstream's ValidatePodDisruptionBudgetSpec): minAvailable or maxUnavailable, a valid selector.</summary>
public sealed class PodDisruptionBudgetValidator : FieldValidator<PodDisruptionBudget>
{
    private static readonly string[] EvictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

    public PodDisruptionBudgetValidator() =>
        Check((budget, e) =>
        {
            var spec = budget.Spec ?? new PodDisruptionBudgetSpec();
            var at = e.Path.Child("spec");
            if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
            {
                e.Invalid(at, FieldErrorCollector.Display(spec), "minAvailable and maxUnavailable cannot be both set");
            }
            WorkloadRules.PositiveIntOrPercent(e, at.Child("minAvailable"), spec.MinAvailable);
            WorkloadRules.NotMoreThan100Percent(e, at.Child("minAvailable"), spec.MinAvailable);
            WorkloadRules.PositiveIntOrPercent(e, at.Child("maxUnavailable"), spec.MaxUnavailable);
            WorkloadRules.NotMoreThan100Percent(e, at.Child("maxUnavailable"), spec.MaxUnavailable);
            e.Validate(LabelSelectorValidator.Instance, spec.Selector, at.Child("selector"));
            e.OneOf(at.Child("unhealthyPodEvictionPolicy"), spec.UnhealthyPodEvictionPolicy, EvictionPolicies, required: false);
        });
}
