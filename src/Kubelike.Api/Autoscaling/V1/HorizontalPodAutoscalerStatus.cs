using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V1;

[Description("current status of a horizontal pod autoscaler")]
public class HorizontalPodAutoscalerStatus
{
    [JsonPropertyName("observedGeneration")]
    [ProtoField(1)]
    [Description("observedGeneration is the most recent generation observed by this autoscaler.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("lastScaleTime")]
    [ProtoField(2)]
    [Description("lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods; used by the autoscaler to control how often the number of pods is changed.")]
    public Time? LastScaleTime { get; set; }

    [JsonPropertyName("currentReplicas")]
    [ProtoField(3)]
    [Required]
    [Description("currentReplicas is the current number of replicas of pods managed by this autoscaler.")]
    public int? CurrentReplicas { get; set; }

    [JsonPropertyName("desiredReplicas")]
    [ProtoField(4)]
    [Required]
    [Description("desiredReplicas is the  desired number of replicas of pods managed by this autoscaler.")]
    public int? DesiredReplicas { get; set; }

    [JsonPropertyName("currentCPUUtilizationPercentage")]
    [ProtoField(5)]
    [Description("currentCPUUtilizationPercentage is the current average CPU utilization over all pods, represented as a percentage of requested CPU, e.g. 70 means that an average pod is using now 70% of its requested CPU.")]
    public int? CurrentCPUUtilizationPercentage { get; set; }
}
