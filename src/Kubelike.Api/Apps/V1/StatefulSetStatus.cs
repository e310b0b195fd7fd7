using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("StatefulSetStatus represents the current state of a StatefulSet.")]
public class StatefulSetStatus
{
    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("replicas")]
    [ProtoField(2)]
    [Required]
    [Description("replicas is the number of Pods created by the StatefulSet controller.")]
    public int? Replicas { get; set; }

    [JsonPropertyName("readyReplicas")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.")]
    public int? ReadyReplicas { get; set; }

    [JsonPropertyName("currentReplicas")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.")]
    public int? CurrentReplicas { get; set; }

    [JsonPropertyName("updatedReplicas")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.")]
    public int? UpdatedReplicas { get; set; }

    [JsonPropertyName("currentRevision")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).")]
    public string? CurrentRevision { get; set; }

    [JsonPropertyName("updateRevision")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)")]
    public string? UpdateRevision { get; set; }

    [JsonPropertyName("collisionCount")]
    [ProtoField(9)]
    [Description("collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.")]
    public int? CollisionCount { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(10)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a statefulset's current state.")]
    public IList<StatefulSetCondition>? Conditions { get; set; }

    [JsonPropertyName("availableReplicas")]
    [ProtoField(11)]
    [Description("Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.")]
    public int? AvailableReplicas { get; set; }
}
