using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Policy.V1;

[Description("PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget. Status may trail the actual state of a system.")]
public class PodDisruptionBudgetStatus
{
    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Most recent generation observed when updating this PDB status. DisruptionsAllowed and other status information is valid only if observedGeneration equals to PDB's object generation.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("disruptedPods")]
    [ProtoField(2)]
    [Description("DisruptedPods contains information about pods whose eviction was processed by the API server eviction subresource handler but has not yet been observed by the PodDisruptionBudget controller. A pod will be in this map from the time when the API server processed the eviction request to the time when the pod is seen by PDB controller as having been marked for deletion (or after a timeout). The key in the map is the name of the pod and the value is the time when the API server processed the eviction request. If the deletion didn't occur and a pod is still there it will be removed from the list automatically by PodDisruptionBudget controller after some time. If everything goes smooth this map should be empty for the most of the time. Large number of entries in the map may indicate problems with pod deletions.")]
    public IDictionary<string, Time>? DisruptedPods { get; set; }

    [JsonPropertyName("disruptionsAllowed")]
    [ProtoField(3)]
    [Required]
    [Description("Number of pod disruptions that are currently allowed.")]
    public int? DisruptionsAllowed { get; set; }

    [JsonPropertyName("currentHealthy")]
    [ProtoField(4)]
    [Required]
    [Description("current number of healthy pods")]
    public int? CurrentHealthy { get; set; }

    [JsonPropertyName("desiredHealthy")]
    [ProtoField(5)]
    [Required]
    [Description("minimum desired number of healthy pods")]
    public int? DesiredHealthy { get; set; }

    [JsonPropertyName("expectedPods")]
    [ProtoField(6)]
    [Required]
    [Description("total number of pods counted by this disruption budget")]
    public int? ExpectedPods { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(7)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Conditions contain conditions for PDB. The disruption controller sets the DisruptionAllowed condition. The following are known values for the reason field (additional reasons could be added in the future): - SyncFailed: The controller encountered an error and wasn't able to compute\n              the number of allowed disruptions. Therefore no disruptions are\n              allowed and the status of the condition will be False.\n- InsufficientPods: The number of pods are either at or below the number\n                    required by the PodDisruptionBudget. No disruptions are\n                    allowed and the status of the condition will be False.\n- SufficientPods: There are more pods than required by the PodDisruptionBudget.\n                  The condition will be True, and the number of allowed\n                  disruptions are provided by the disruptionsAllowed property.")]
    public IList<Condition>? Conditions { get; set; }
}
