using Kubelike.Api.Apps.V1;
using Kubelike.ApiMachinery.Validation.Core;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>A DaemonSet (upstream's ValidateDaemonSetSpec).</summary>
public sealed class DaemonSetValidator : FieldValidator<DaemonSet>
{
    private static readonly string[] StrategyTypes = ["RollingUpdate", "OnDelete"];

    public DaemonSetValidator()
    {
        Check((daemonSet, e) =>
        {
            var spec = daemonSet.Spec ?? new DaemonSetSpec();
            var at = e.Path.Child("spec");
            WorkloadRules.Selector(e, at.Child("selector"), spec.Selector, "daemonset");
            PodTemplateSpecValidator.ForController(e, at.Child("template"), spec.Template, spec.Selector, PodTemplateSpecValidator.AlwaysRestart, "DaemonSet");
            e.Nonnegative(at.Child("minReadySeconds"), spec.MinReadySeconds);
            e.Nonnegative(at.Child("revisionHistoryLimit"), spec.RevisionHistoryLimit);
            var strategy = spec.UpdateStrategy;
            var strategyPath = at.Child("updateStrategy");
            switch (strategy?.Type)
            {
                case "OnDelete":
                    break;
                case "RollingUpdate":
                    if (strategy.RollingUpdate is not { } rolling)
                    {
                        e.Required(strategyPath.Child("rollingUpdate"));
                        break;
                    }
                    var unavailable = strategyPath.Child("rollingUpdate", "maxUnavailable");
                    WorkloadRules.PositiveIntOrPercent(e, unavailable, rolling.MaxUnavailable);
                    WorkloadRules.PositiveIntOrPercent(e, strategyPath.Child("rollingUpdate", "maxSurge"), rolling.MaxSurge);
                    if (WorkloadRules.Value(rolling.MaxUnavailable) == 0 && WorkloadRules.Value(rolling.MaxSurge) == 0)
                    {
                        e.Invalid(unavailable, GoValues.IntOrString(rolling.MaxUnavailable), "cannot be 0 when maxSurge is 0");
                    }
                    WorkloadRules.NotMoreThan100Percent(e, unavailable, rolling.MaxUnavailable);
                    break;
                default:
                    e.NotSupported(strategyPath.Child("type"), strategy?.Type ?? "", StrategyTypes);
                    break;
            }
        });
    }
}

/// <summary>A DaemonSet update: the selector cannot change.</summary>
public sealed class DaemonSetUpdateValidator : FieldValidator<ObjectUpdate<DaemonSet>>
{
    public DaemonSetUpdateValidator() =>
        Check((update, e) => SelectorUpdates.Immutable(e, update.New.Spec?.Selector, update.Old.Spec?.Selector));
}
