using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("HorizontalPodAutoscalerStatus describes the current status of a horizontal pod autoscaler.")]
public class HorizontalPodAutoscalerStatus
{
    [JsonPropertyName("observedGeneration")]
    [ProtoField(1)]
    [Description("observedGeneration is the most recent generation observed by this autoscaler.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("lastScaleTime")]
    [ProtoField(2)]
    [Description("lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods, used by the autoscaler to control how often the number of pods is changed.")]
    public Time? LastScaleTime { get; set; }

    [JsonPropertyName("currentReplicas")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.")]
    public int? CurrentReplicas { get; set; }

    [JsonPropertyName("desiredReplicas")]
    [ProtoField(4)]
    [Required]
    [Description("desiredReplicas is the desired number of replicas of pods managed by this autoscaler, as last calculated by the autoscaler.")]
    public int? DesiredReplicas { get; set; }

    [JsonPropertyName("currentMetrics")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("currentMetrics is the last read state of the metrics used by this autoscaler.")]
    public IList<MetricStatus>? CurrentMetrics { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(6)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("conditions is the set of conditions required for this autoscaler to scale its target, and indicates whether or not those conditions are met.")]
    public IList<HorizontalPodAutoscalerCondition>? Conditions { get; set; }
}
