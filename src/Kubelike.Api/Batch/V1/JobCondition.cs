using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("JobCondition describes current state of a job.")]
public class JobCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of job condition, Complete or Failed.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("lastProbeTime")]
    [ProtoField(3)]
    [Description("Last time the condition was checked.")]
    public Time? LastProbeTime { get; set; }

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
