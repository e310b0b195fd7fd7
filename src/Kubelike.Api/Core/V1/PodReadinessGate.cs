using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodReadinessGate contains the reference to a pod condition")]
public class PodReadinessGate
{
    [JsonPropertyName("conditionType")]
    [ProtoField(1)]
    [Required]
    [Description("ConditionType refers to a condition in the pod's condition list with matching type.")]
    public string? ConditionType { get; set; }
}
