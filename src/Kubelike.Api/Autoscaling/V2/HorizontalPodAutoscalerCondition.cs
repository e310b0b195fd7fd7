using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("HorizontalPodAutoscalerCondition describes the state of a HorizontalPodAutoscaler at a certain point.")]
public class HorizontalPodAutoscalerCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("type describes the current condition")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("status is the status of the condition (True, False, Unknown)")]
    public string? Status { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(3)]
    [Description("lastTransitionTime is the last time the condition transitioned from one status to another")]
    public Time? LastTransitionTime { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("reason is the reason for the condition's last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("message is a human-readable explanation containing details about the transition")]
    public string? Message { get; set; }
}
