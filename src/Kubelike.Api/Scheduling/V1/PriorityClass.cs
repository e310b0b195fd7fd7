using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Scheduling.V1;

[Description("PriorityClass defines mapping from a priority class name to the priority integer value. The value can be any valid integer.")]
[KubernetesKind("scheduling.k8s.io", "v1", "PriorityClass")]
public class PriorityClass : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Required]
    [Description("value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.")]
    public int? Value { get; set; }

    [JsonPropertyName("globalDefault")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.")]
    public bool? GlobalDefault { get; set; }

    [JsonPropertyName("description")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("description is an arbitrary string that usually provides guidelines on when this priority class should be used.")]
    public string? Description { get; set; }

    [JsonPropertyName("preemptionPolicy")]
    [ProtoField(5)]
    [EnumValues("PreemptLowerPriority", "Never")]
    [Description("preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.")]
    public string? PreemptionPolicy { get; set; }
}
