using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("PodFailurePolicyOnPodConditionsPattern describes a pattern for matching an actual pod condition type.")]
public class PodFailurePolicyOnPodConditionsPattern
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Specifies the required Pod condition type. To match a pod condition it is required that specified type equals the pod condition type.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Specifies the required Pod condition status. To match a pod condition it is required that the specified status equals the pod condition status. Defaults to True.")]
    public string? Status { get; set; }
}
