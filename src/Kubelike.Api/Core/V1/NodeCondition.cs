using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeCondition contains condition information for a node.")]
public class NodeCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of node condition.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("lastHeartbeatTime")]
    [ProtoField(3)]
    [Description("Last time we got an update on a given condition.")]
    public Time? LastHeartbeatTime { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(4)]
    [Description("Last time the condition transit from one status to another.")]
    public Time? LastTransitionTime { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("(brief) reason for the condition's last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Human readable message indicating details about last transition.")]
    public string? Message { get; set; }
}
