using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DeploymentStatus is the most recently observed status of the Deployment.")]
public class DeploymentStatus
{
    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("The generation observed by the deployment controller.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("replicas")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Total number of non-terminating pods targeted by this deployment (their labels match the selector).")]
    public int? Replicas { get; set; }

    [JsonPropertyName("updatedReplicas")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Total number of non-terminating pods targeted by this deployment that have the desired template spec.")]
    public int? UpdatedReplicas { get; set; }

    [JsonPropertyName("readyReplicas")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("Total number of non-terminating pods targeted by this Deployment with a Ready Condition.")]
    public int? ReadyReplicas { get; set; }

    [JsonPropertyName("availableReplicas")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.")]
    public int? AvailableReplicas { get; set; }

    [JsonPropertyName("unavailableReplicas")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created.")]
    public int? UnavailableReplicas { get; set; }

    [JsonPropertyName("terminatingReplicas")]
    [ProtoField(9)]
    [Description("Total number of terminating pods targeted by this deployment. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")]
    public int? TerminatingReplicas { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(6)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a deployment's current state.")]
    public IList<DeploymentCondition>? Conditions { get; set; }

    [JsonPropertyName("collisionCount")]
    [ProtoField(8)]
    [Description("Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.")]
    public int? CollisionCount { get; set; }
}
