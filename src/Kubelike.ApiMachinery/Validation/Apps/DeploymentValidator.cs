using Kubelike.Api.Apps.V1;
using Kubelike.ApiMachinery.Validation.Core;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>A Deployment (upstream's ValidateDeploymentSpec): selector, template, counts and the rollout strategy.</summary>
public sealed class DeploymentValidator : FieldValidator<Deployment>
{
    private static readonly string[] StrategyTypes = ["Recreate", "RollingUpdate"];

    public DeploymentValidator()
    {
        Check((deployment, e) =>
        {
            var spec = deployment.Spec ?? new DeploymentSpec();
            var at = e.Path.Child("spec");
            e.Nonnegative(at.Child("replicas"), spec.Replicas);
            WorkloadRules.Selector(e, at.Child("selector"), spec.Selector, "deployment");
            PodTemplateSpecValidator.ForController(e, at.Child("template"), spec.Template, spec.Selector, PodTemplateSpecValidator.AlwaysRestart, "ReplicaSet");
            Strategy(e, at.Child("strategy"), spec.Strategy);
            e.Nonnegative(at.Child("minReadySeconds"), spec.MinReadySeconds);
            e.Nonnegative(at.Child("revisionHistoryLimit"), spec.RevisionHistoryLimit);
            if (spec.ProgressDeadlineSeconds is { } deadline)
            {
                e.Nonnegative(at.Child("progressDeadlineSeconds"), deadline);
                if (deadline <= (spec.MinReadySeconds ?? 0))
                {
                    e.Invalid(at.Child("progressDeadlineSeconds"), deadline, "must be greater than minReadySeconds");
                }
            }
        });
    }

    private static void Strategy(FieldErrorCollector e, FieldPath at, DeploymentStrategy? strategy)
    {
        switch (strategy?.Type)
        {
            case "Recreate":
                if (strategy.RollingUpdate is not null)
                {
                    e.Forbidden(at.Child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'");
                }
                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is not { } rolling)
                {
                    e.Required(at.Child("rollingUpdate"), "this should be defaulted and never be nil");
                    break;
                }
                var unavailable = at.Child("rollingUpdate", "maxUnavailable");
                WorkloadRules.PositiveIntOrPercent(e, unavailable, rolling.MaxUnavailable);
                WorkloadRules.PositiveIntOrPercent(e, at.Child("rollingUpdate", "maxSurge"), rolling.MaxSurge);
                if (WorkloadRules.Value(rolling.MaxUnavailable) == 0 && WorkloadRules.Value(rolling.MaxSurge) == 0)
                {
                    e.Invalid(unavailable, GoValues.IntOrString(rolling.MaxUnavailable), "may not be 0 when `maxSurge` is 0");
                }
                WorkloadRules.NotMoreThan100Percent(e, unavailable, rolling.MaxUnavailable);
                break;
            default:
                e.NotSupported(at.Child("type"), strategy?.Type ?? "", StrategyTypes);
                break;
        }
    }
}

/// <summary>A Deployment update: the selector of an apps/v1 Deployment cannot change.</summary>
public sealed class DeploymentUpdateValidator : FieldValidator<ObjectUpdate<Deployment>>
{
    public DeploymentUpdateValidator() =>
        Check((update, e) => SelectorUpdates.Immutable(e, update.New.Spec?.Selector, update.Old.Spec?.Selector));
}
