using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("HorizontalPodAutoscalerBehavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively).")]
public class HorizontalPodAutoscalerBehavior
{
    [JsonPropertyName("scaleUp")]
    [ProtoField(1)]
    [Description("scaleUp is scaling policy for scaling Up. If not set, the default value is the higher of:\n  * increase no more than 4 pods per 60 seconds\n  * double the number of pods per 60 seconds\nNo stabilization is used.")]
    public HPAScalingRules? ScaleUp { get; set; }

    [JsonPropertyName("scaleDown")]
    [ProtoField(2)]
    [Description("scaleDown is scaling policy for scaling Down. If not set, the default value is to allow to scale down to minReplicas pods, with a 300 second stabilization window (i.e., the highest recommendation for the last 300sec is used).")]
    public HPAScalingRules? ScaleDown { get; set; }
}
