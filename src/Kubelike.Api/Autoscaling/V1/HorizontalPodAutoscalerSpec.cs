using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V1;

[Description("specification of a horizontal pod autoscaler.")]
public class HorizontalPodAutoscalerSpec
{
    [JsonPropertyName("scaleTargetRef")]
    [ProtoField(1)]
    [Required]
    [Description("reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.")]
    public CrossVersionObjectReference? ScaleTargetRef { get; set; }

    [JsonPropertyName("minReplicas")]
    [ProtoField(2)]
    [Description("minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.")]
    public int? MinReplicas { get; set; }

    [JsonPropertyName("maxReplicas")]
    [ProtoField(3)]
    [Required]
    [Description("maxReplicas is the upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.")]
    public int? MaxReplicas { get; set; }

    [JsonPropertyName("targetCPUUtilizationPercentage")]
    [ProtoField(4)]
    [Description("targetCPUUtilizationPercentage is the target average CPU utilization (represented as a percentage of requested CPU) over all the pods; if not specified the default autoscaling policy will be used.")]
    public int? TargetCPUUtilizationPercentage { get; set; }
}
