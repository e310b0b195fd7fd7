using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NamespaceCondition contains details about state of namespace.")]
public class NamespaceCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of namespace controller condition.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

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
