using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ReplicationControllerStatus represents the current status of a replication controller.")]
public class ReplicationControllerStatus
{
    [JsonPropertyName("replicas")]
    [ProtoField(1)]
    [Required]
    [Description("Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller")]
    public int? Replicas { get; set; }

    [JsonPropertyName("fullyLabeledReplicas")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("The number of pods that have labels matching the labels of the pod template of the replication controller.")]
    public int? FullyLabeledReplicas { get; set; }

    [JsonPropertyName("readyReplicas")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("The number of ready replicas for this replication controller.")]
    public int? ReadyReplicas { get; set; }

    [JsonPropertyName("availableReplicas")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("The number of available replicas (ready for at least minReadySeconds) for this replication controller.")]
    public int? AvailableReplicas { get; set; }

    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("ObservedGeneration reflects the generation of the most recently observed replication controller.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(6)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a replication controller's current state.")]
    public IList<ReplicationControllerCondition>? Conditions { get; set; }
}
