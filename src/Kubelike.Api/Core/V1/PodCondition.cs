using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodCondition contains details for the current condition of this pod.")]
public class PodCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions")]
    public string? Type { get; set; }

    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("If set, this represents the .metadata.generation that the pod condition was set based upon. This is an alpha field. Enable PodObservedGenerationTracking to be able to use this field.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions")]
    public string? Status { get; set; }

    [JsonPropertyName("lastProbeTime")]
    [ProtoField(3)]
    [Description("Last time we probed the condition.")]
    public Time? LastProbeTime { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(4)]
    [Description("Last time the condition transitioned from one status to another.")]
    public Time? LastTransitionTime { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Unique, one-word, CamelCase reason for the condition's last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Human-readable message indicating details about last transition.")]
    public string? Message { get; set; }
}
