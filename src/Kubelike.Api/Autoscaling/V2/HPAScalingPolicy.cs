using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("HPAScalingPolicy is a single policy which must hold true for a specified past interval.")]
public class HPAScalingPolicy
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("type is used to specify the scaling policy.")]
    public string? Type { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Required]
    [Description("value contains the amount of change which is permitted by the policy. It must be greater than zero")]
    public int? Value { get; set; }

    [JsonPropertyName("periodSeconds")]
    [ProtoField(3)]
    [Required]
    [Description("periodSeconds specifies the window of time for which the policy should hold true. PeriodSeconds must be greater than zero and less than or equal to 1800 (30 min).")]
    public int? PeriodSeconds { get; set; }
}
