using Kubelike.Api.Apps.V1;
using Kubelike.ApiMachinery.Validation.Core;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>A ReplicaSet (upstream's ValidateReplicaSetSpec).</summary>
public sealed class ReplicaSetValidator : FieldValidator<ReplicaSet>
{
    public ReplicaSetValidator()
    {
        Check((replicaSet, e) =>
        {
            var spec = replicaSet.Spec ?? new ReplicaSetSpec();
            var at = e.Path.Child("spec");
            e.Nonnegative(at.Child("replicas"), spec.Replicas);
            e.Nonnegative(at.Child("minReadySeconds"), spec.MinReadySeconds);
            // Upstream's message names deployments here too.
            WorkloadRules.Selector(e, at.Child("selector"), spec.Selector, "deployment");
            PodTemplateSpecValidator.ForController(e, at.Child("template"), spec.Template, spec.Selector, PodTemplateSpecValidator.AlwaysRestart, "ReplicaSet");
        });
    }
}

/// <summary>A ReplicaSet update: the selector cannot change.</summary>
public sealed class ReplicaSetUpdateValidator : FieldValidator<ObjectUpdate<ReplicaSet>>
{
    public ReplicaSetUpdateValidator() =>
        Check((update, e) => SelectorUpdates.Immutable(e, update.New.Spec?.Selector, update.Old.Spec?.Selector));
}
