using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("StatefulSetCondition describes the state of a statefulset at a certain point.")]
public class StatefulSetCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of statefulset condition.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(3)]
    [Description("Last time the condition transitioned from one status to another.")]
    public Time? LastTransitionTime { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("The reason for the condition's last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("A human readable message indicating details about the transition.")]
    public string? Message { get; set; }
}
