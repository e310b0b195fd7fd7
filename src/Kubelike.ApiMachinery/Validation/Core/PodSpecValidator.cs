using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// A pod's spec, in a Pod or in any pod template (upstream's ValidatePodSpec): containers and their names across
/// init containers, volumes and the mounts that refer to them, policies, scheduling fields and tolerations.
/// </summary>
public sealed class PodSpecValidator : FieldValidator<PodSpec>
{
    public static PodSpecValidator Instance { get; } = new();

    public static readonly IReadOnlyList<string> RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] TolerationOperators = ["Equal", "Exists"];
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
    private static readonly string[] WhenUnsatisfiable = ["DoNotSchedule", "ScheduleAnyway"];
    private static readonly string[] PreemptionPolicies = ["Never", "PreemptLowerPriority"];

    public PodSpecValidator()
    {
        Check((spec, e) =>
        {
            var volumeNames = Volumes(e, spec.Volumes);
            Containers(e, spec, volumeNames);
            e.OneOf(e.Path.Child("restartPolicy"), spec.RestartPolicy, [.. RestartPolicies]);
            e.OneOf(e.Path.Child("dnsPolicy"), spec.DnsPolicy, DnsPolicies);
            if (spec.DnsPolicy == "None" && spec.DnsConfig is null)
            {
                e.Required(e.Path.Child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None");
            }
            e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(spec.NodeSelector), e.Path.Child("nodeSelector")));
            OptionalSubdomain(e, e.Path.Child("serviceAccountName"), spec.ServiceAccountName);
            OptionalSubdomain(e, e.Path.Child("nodeName"), spec.NodeName);
            OptionalSubdomain(e, e.Path.Child("priorityClassName"), spec.PriorityClassName);
            OptionalSubdomain(e, e.Path.Child("schedulerName"), spec.SchedulerName);
            if (!string.IsNullOrEmpty(spec.Hostname))
            {
                e.Dns1123Label(e.Path.Child("hostname"), spec.Hostname);
            }
            if (!string.IsNullOrEmpty(spec.Subdomain))
            {
                e.Dns1123Label(e.Path.Child("subdomain"), spec.Subdomain);
            }
            if (spec.ActiveDeadlineSeconds is { } deadline && deadline is < 1 or > int.MaxValue)
            {
                e.Invalid(e.Path.Child("activeDeadlineSeconds"), deadline, ValidationFormats.InclusiveRangeError(1, int.MaxValue));
            }
            Tolerations(e, e.Path.Child("tolerations"), spec.Tolerations);
            TopologySpread(e, spec.TopologySpreadConstraints);
            e.OneOf(e.Path.Child("preemptionPolicy"), spec.PreemptionPolicy, PreemptionPolicies, required: false);
            var gate = 0;
            foreach (var readinessGate in spec.ReadinessGates ?? [])
            {
                e.QualifiedName(e.Path.Child("readinessGates").Index(gate++).Child("conditionType"), readinessGate.ConditionType ?? "");
            }
        });
    }

    private static void OptionalSubdomain(FieldErrorCollector e, FieldPath at, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            e.Dns1123Subdomain(at, value);
        }
    }

    private static HashSet<string> Volumes(FieldErrorCollector e, IList<Volume>? volumes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var volume in volumes ?? [])
        {
            var at = e.Path.Child("volumes").Index(i++);
            e.Validate(VolumeValidator.Instance, volume, at);
            if (!names.Add(volume.Name ?? ""))
            {
                e.Duplicate(at.Child("name"), volume.Name ?? "");
            }
        }
        return names;
    }

    private static void Containers(FieldErrorCollector e, PodSpec spec, HashSet<string> volumeNames)
    {
        var containers = spec.Containers ?? [];
        if (containers.Count == 0)
        {
            e.Required(e.Path.Child("containers"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        EachContainer(e, e.Path.Child("containers"), containers, ContainerValidator.Regular, names, volumeNames, spec.HostNetwork == true);
        EachContainer(e, e.Path.Child("initContainers"), spec.InitContainers ?? [], ContainerValidator.Init, names, volumeNames, spec.HostNetwork == true);
    }

    private static void EachContainer(
        FieldErrorCollector e, FieldPath at, IList<Container> containers, ContainerValidator validator, HashSet<string> names, HashSet<string> volumeNames, bool hostNetwork)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var path = at.Index(i);
            e.Validate(validator, container, path);
            if (!string.IsNullOrEmpty(container.Name) && !names.Add(container.Name))
            {
                e.Duplicate(path.Child("name"), container.Name);
            }
            var m = 0;
            foreach (var mount in container.VolumeMounts ?? [])
            {
                if (!string.IsNullOrEmpty(mount.Name) && !volumeNames.Contains(mount.Name))
                {
                    e.NotFound(path.Child("volumeMounts").Index(m).Child("name"), mount.Name);
                }
                m++;
            }
            if (hostNetwork)
            {
                var p = 0;
                foreach (var port in container.Ports ?? [])
                {
                    if (port.HostPort is { } hostPort && hostPort != 0 && hostPort != port.ContainerPortValue)
                    {
                        e.Invalid(path.Child("ports").Index(p).Child("containerPort"), port.ContainerPortValue ?? 0, "must match `hostPort` when `hostNetwork` is true");
                    }
                    p++;
                }
            }
        }
    }

    /// <summary>Tolerations (upstream's validateTolerations), also used by update rules that compare them.</summary>
    public static void Tolerations(FieldErrorCollector e, FieldPath at, IList<Toleration>? tolerations)
    {
        ArgumentNullException.ThrowIfNull(e);
        var i = 0;
        foreach (var toleration in tolerations ?? [])
        {
            var path = at.Index(i++);
            var key = toleration.Key ?? "";
            var op = toleration.Operator ?? "";
            if (key.Length > 0)
            {
                e.QualifiedName(path.Child("key"), key);
            }
            if (key.Length == 0 && op != "Exists")
            {
                e.Invalid(path.Child("operator"), op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            if (toleration.TolerationSeconds is not null && toleration.Effect != "NoExecute")
            {
                e.Invalid(path.Child("effect"), toleration.Effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
            switch (op)
            {
                case "Equal" or "":
                    var messages = ValidationRules.IsValidLabelValue(toleration.Value ?? "");
                    if (messages.Count > 0)
                    {
                        e.Invalid(path.Child("operator"), toleration.Value ?? "", string.Join(";", messages));
                    }
                    break;
                case "Exists":
                    if (!string.IsNullOrEmpty(toleration.Value))
                    {
                        e.Invalid(path.Child("operator"), toleration.Value, "value must be empty when `operator` is 'Exists'");
                    }
                    break;
                default:
                    e.NotSupported(path.Child("operator"), op, TolerationOperators);
                    break;
            }
            if (!string.IsNullOrEmpty(toleration.Effect) && !TaintEffects.Contains(toleration.Effect))
            {
                e.NotSupported(path.Child("effect"), toleration.Effect, TaintEffects);
            }
        }
    }

    /// <summary>A taint effect: one of NoSchedule, PreferNoSchedule, NoExecute.</summary>
    public static void TaintEffect(FieldErrorCollector e, FieldPath at, string? effect)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.OneOf(at, effect, TaintEffects);
    }

    private static void TopologySpread(FieldErrorCollector e, IList<TopologySpreadConstraint>? constraints)
    {
        var i = 0;
        foreach (var constraint in constraints ?? [])
        {
            var at = e.Path.Child("topologySpreadConstraints").Index(i++);
            if (constraint.MaxSkew is not > 0)
            {
                e.Invalid(at.Child("maxSkew"), constraint.MaxSkew ?? 0, FieldErrorCollector.IsNotPositiveErrorMessage);
            }
            if (string.IsNullOrEmpty(constraint.TopologyKey))
            {
                e.Required(at.Child("topologyKey"), "can not be empty");
            }
            else
            {
                e.QualifiedName(at.Child("topologyKey"), constraint.TopologyKey);
            }
            e.OneOf(at.Child("whenUnsatisfiable"), constraint.WhenUnsatisfiable, WhenUnsatisfiable);
            if (constraint.MinDomains is <= 0 and var minDomains)
            {
                e.Invalid(at.Child("minDomains"), minDomains, FieldErrorCollector.IsNotPositiveErrorMessage);
            }
            e.Validate(LabelSelectorValidator.Instance, constraint.LabelSelector, at.Child("labelSelector"));
        }
    }
}
