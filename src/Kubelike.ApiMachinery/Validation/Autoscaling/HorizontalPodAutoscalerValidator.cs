using Kubelike.Api.Autoscaling.V2;
using Kubelike.ApiMachinery.Metadata;
using V1 = Kubelike.Api.Autoscaling.V1;

namespace Kubelike.ApiMachinery.Validation.Autoscaling;

/// <summary>An autoscaling/v2 HorizontalPodAutoscaler (upstream's ValidateHorizontalPodAutoscalerSpec): replica bounds, target, metrics, behavior.</summary>
public sealed class HorizontalPodAutoscalerValidator : FieldValidator<HorizontalPodAutoscaler>
{
    private static readonly string[] MetricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
    private static readonly string[] SelectPolicies = ["Disabled", "Max", "Min"];
    private static readonly string[] PolicyTypes = ["Percent", "Pods"];

    public HorizontalPodAutoscalerValidator() =>
        Check((hpa, e) =>
        {
            var spec = hpa.Spec ?? new HorizontalPodAutoscalerSpec();
            var at = e.Path.Child("spec");
            HpaRules.Replicas(e, at, spec.MinReplicas, spec.MaxReplicas ?? 0);
            HpaRules.Target(e, at.Child("scaleTargetRef"), spec.ScaleTargetRef?.Kind, spec.ScaleTargetRef?.Name);
            var i = 0;
            foreach (var metric in spec.Metrics ?? [])
            {
                Metric(e, at.Child("metrics").Index(i++), metric);
            }
            if (spec.Behavior is { } behavior)
            {
                Rules(e, at.Child("behavior", "scaleUp"), behavior.ScaleUp);
                Rules(e, at.Child("behavior", "scaleDown"), behavior.ScaleDown);
            }
        });

    private static void Metric(FieldErrorCollector e, FieldPath at, MetricSpec metric)
    {
        var sources = new (string Type, string Field, object? Source)[]
        {
            ("Object", "object", metric.Object), ("Pods", "pods", metric.Pods), ("Resource", "resource", metric.Resource),
            ("ContainerResource", "containerResource", metric.ContainerResource), ("External", "external", metric.External),
        };
        if (string.IsNullOrEmpty(metric.Type))
        {
            e.Required(at.Child("type"), "must specify a metric source type");
            return;
        }
        if (!MetricTypes.Contains(metric.Type))
        {
            e.NotSupported(at.Child("type"), metric.Type, MetricTypes);
            return;
        }
        foreach (var (type, field, source) in sources)
        {
            if (type == metric.Type && source is null)
            {
                e.Required(at.Child(field), "must populate information for the given metric source");
            }
            else if (type != metric.Type && source is not null)
            {
                e.Forbidden(at.Child(field), "must populate the given metric source only");
            }
        }
        if (metric.Resource is { } resource)
        {
            ResourceName(e, at.Child("resource", "name"), resource.Name);
            MetricTarget(e, at.Child("resource", "target"), resource.Target);
        }
        if (metric.ContainerResource is { } container)
        {
            ResourceName(e, at.Child("containerResource", "name"), container.Name);
            if (string.IsNullOrEmpty(container.Container))
            {
                e.Required(at.Child("containerResource", "container"), "must specify a container");
            }
            MetricTarget(e, at.Child("containerResource", "target"), container.Target);
        }
        if (metric.Pods is { } pods)
        {
            Identifier(e, at.Child("pods", "metric"), pods.Metric);
            MetricTarget(e, at.Child("pods", "target"), pods.Target);
        }
        if (metric.Object is { } obj)
        {
            HpaRules.Target(e, at.Child("object", "describedObject"), obj.DescribedObject?.Kind, obj.DescribedObject?.Name);
            Identifier(e, at.Child("object", "metric"), obj.Metric);
            MetricTarget(e, at.Child("object", "target"), obj.Target);
        }
        if (metric.External is { } external)
        {
            Identifier(e, at.Child("external", "metric"), external.Metric);
            MetricTarget(e, at.Child("external", "target"), external.Target);
        }
    }

    private static void ResourceName(FieldErrorCollector e, FieldPath at, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            e.Required(at, "must specify a resource name");
        }
    }

    private static void Identifier(FieldErrorCollector e, FieldPath at, MetricIdentifier? identifier)
    {
        if (string.IsNullOrEmpty(identifier?.Name))
        {
            e.Required(at.Child("name"), "must specify a metric name");
        }
        else
        {
            e.AddMessages(at.Child("name"), identifier.Name, ValidationRules.IsValidPathSegmentName(identifier.Name));
        }
        e.Validate(LabelSelectorValidator.Instance, identifier?.Selector, at.Child("selector"));
    }

    private static void MetricTarget(FieldErrorCollector e, FieldPath at, MetricTarget? target)
    {
        if (string.IsNullOrEmpty(target?.Type))
        {
            e.Required(at.Child("type"), "must specify a metric target type");
            return;
        }
        if (target.Type is not ("Utilization" or "Value" or "AverageValue"))
        {
            e.Invalid(at.Child("type"), target.Type, "must be either Utilization, Value, or AverageValue");
        }
        if (target.Value is { Sign: <= 0 } value)
        {
            e.Invalid(at.Child("value"), value.ToString(), "must be positive");
        }
        if (target.AverageValue is { Sign: <= 0 } average)
        {
            e.Invalid(at.Child("averageValue"), average.ToString(), "must be positive");
        }
        if (target.AverageUtilization is <= 0 and var utilization)
        {
            e.Invalid(at.Child("averageUtilization"), utilization, "must be greater than 0");
        }
    }

    private static void Rules(FieldErrorCollector e, FieldPath at, HPAScalingRules? rules)
    {
        if (rules is null)
        {
            return;
        }
        if (rules.StabilizationWindowSeconds is { } window && window is < 0 or > 3600)
        {
            e.Invalid(at.Child("stabilizationWindowSeconds"), window, window < 0 ? "must be greater than or equal to zero" : "must be less than or equal to 3600");
        }
        e.OneOf(at.Child("selectPolicy"), rules.SelectPolicy, SelectPolicies, required: false);
        var i = 0;
        foreach (var policy in rules.Policies ?? [])
        {
            var p = at.Child("policies").Index(i++);
            e.OneOf(p.Child("type"), policy.Type, PolicyTypes);
            if (policy.Value is not > 0)
            {
                e.Invalid(p.Child("value"), policy.Value ?? 0, "must be greater than zero");
            }
            if (policy.PeriodSeconds is not > 0)
            {
                e.Invalid(p.Child("periodSeconds"), policy.PeriodSeconds ?? 0, "must be greater than zero");
            }
            else if (policy.PeriodSeconds > 1800)
            {
                e.Invalid(p.Child("periodSeconds"), policy.PeriodSeconds.Value, "must be less than or equal to 1800");
            }
        }
    }
}

/// <summary>An autoscaling/v1 HorizontalPodAutoscaler: replica bounds, target, a positive CPU utilization target.</summary>
public sealed class HorizontalPodAutoscalerV1Validator : FieldValidator<V1.HorizontalPodAutoscaler>
{
    public HorizontalPodAutoscalerV1Validator() =>
        Check((hpa, e) =>
        {
            var spec = hpa.Spec ?? new V1.HorizontalPodAutoscalerSpec();
            var at = e.Path.Child("spec");
            HpaRules.Replicas(e, at, spec.MinReplicas, spec.MaxReplicas ?? 0);
            HpaRules.Target(e, at.Child("scaleTargetRef"), spec.ScaleTargetRef?.Kind, spec.ScaleTargetRef?.Name);
            if (spec.TargetCPUUtilizationPercentage is < 1 and var target)
            {
                e.Invalid(at.Child("targetCPUUtilizationPercentage"), target, "must be greater than 0");
            }
        });
}

/// <summary>The rules both HorizontalPodAutoscaler versions share.</summary>
internal static class HpaRules
{
    public static void Replicas(FieldErrorCollector e, FieldPath at, int? minReplicas, int maxReplicas)
    {
        if (minReplicas is < 1 and var min)
        {
            e.Invalid(at.Child("minReplicas"), min, "must be greater than or equal to 1");
        }
        if (maxReplicas < 1)
        {
            e.Invalid(at.Child("maxReplicas"), maxReplicas, "must be greater than 0");
        }
        if (minReplicas is { } lower && maxReplicas < lower)
        {
            e.Invalid(at.Child("maxReplicas"), maxReplicas, "must be greater than or equal to `minReplicas`");
        }
    }

    public static void Target(FieldErrorCollector e, FieldPath at, string? kind, string? name)
    {
        if (string.IsNullOrEmpty(kind))
        {
            e.Required(at.Child("kind"));
        }
        else
        {
            e.AddMessages(at.Child("kind"), kind, ValidationRules.IsValidPathSegmentName(kind));
        }
        if (string.IsNullOrEmpty(name))
        {
            e.Required(at.Child("name"));
        }
        else
        {
            e.AddMessages(at.Child("name"), name, ValidationRules.IsValidPathSegmentName(name));
        }
    }
}
