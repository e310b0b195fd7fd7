using Kubelike.Api.Scheduling.V1;

namespace Kubelike.ApiMachinery.Validation.Cluster;

/// <summary>A PriorityClass (upstream's ValidatePriorityClass): user classes up to one billion, "system-" names reserved.</summary>
public sealed class PriorityClassValidator : FieldValidator<PriorityClass>
{
    public const int HighestUserDefinablePriority = 1_000_000_000;

    /// <summary>The system classes and the values they must have.</summary>
    private static readonly Dictionary<string, int> SystemClasses = new(StringComparer.Ordinal)
    {
        ["system-node-critical"] = 2_000_001_000,
        ["system-cluster-critical"] = 2_000_000_000,
    };

    private static readonly string[] PreemptionPolicies = ["Never", "PreemptLowerPriority"];

    public PriorityClassValidator() =>
        Check((priorityClass, e) =>
        {
            var name = priorityClass.Metadata?.Name ?? "";
            if (SystemClasses.TryGetValue(name, out var systemValue))
            {
                if (priorityClass.Value != systemValue)
                {
                    e.Forbidden(FieldPath.Root.Child("metadata", "name"), $"priority class {name} must have value {systemValue}");
                }
            }
            else
            {
                if (name.StartsWith("system-", StringComparison.Ordinal))
                {
                    e.Forbidden(FieldPath.Root.Child("metadata", "name"), "priority class names with 'system-' prefix are reserved for system use only");
                }
                if (priorityClass.Value > HighestUserDefinablePriority)
                {
                    e.Forbidden(FieldPath.Root.Child("value"), $"maximum allowed value of a user defined priority is {HighestUserDefinablePriority}");
                }
            }
            e.OneOf(FieldPath.Root.Child("preemptionPolicy"), priorityClass.PreemptionPolicy, PreemptionPolicies, required: false);
        });
}

/// <summary>A PriorityClass update: the value and the preemption policy are fixed.</summary>
public sealed class PriorityClassUpdateValidator : FieldValidator<ObjectUpdate<PriorityClass>>
{
    public PriorityClassUpdateValidator() =>
        Check((update, e) =>
        {
            if (update.New.Value != update.Old.Value)
            {
                e.Forbidden(FieldPath.Root.Child("value"), "may not be changed in an update.");
            }
            e.Immutable(FieldPath.Root.Child("preemptionPolicy"), update.New.PreemptionPolicy, update.Old.PreemptionPolicy);
        });
}
