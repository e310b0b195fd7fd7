using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DeploymentCondition describes the state of a deployment at a certain point.")]
public class DeploymentCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of deployment condition.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("lastUpdateTime")]
    [ProtoField(6)]
    [Description("The last time this condition was updated.")]
    public Time? LastUpdateTime { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(7)]
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
