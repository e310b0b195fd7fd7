using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("ReplicaSetStatus represents the current status of a ReplicaSet.")]
public class ReplicaSetStatus
{
    [JsonPropertyName("replicas")]
    [ProtoField(1)]
    [Required]
    [Description("Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")]
    public int? Replicas { get; set; }

    [JsonPropertyName("fullyLabeledReplicas")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.")]
    public int? FullyLabeledReplicas { get; set; }

    [JsonPropertyName("readyReplicas")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.")]
    public int? ReadyReplicas { get; set; }

    [JsonPropertyName("availableReplicas")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.")]
    public int? AvailableReplicas { get; set; }

    [JsonPropertyName("terminatingReplicas")]
    [ProtoField(7)]
    [Description("The number of terminating pods for this replica set. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")]
    public int? TerminatingReplicas { get; set; }

    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("ObservedGeneration reflects the generation of the most recently observed ReplicaSet.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(6)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a replica set's current state.")]
    public IList<ReplicaSetCondition>? Conditions { get; set; }
}
