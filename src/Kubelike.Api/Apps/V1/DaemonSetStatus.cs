using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DaemonSetStatus represents the current status of a daemon set.")]
public class DaemonSetStatus
{
    [JsonPropertyName("currentNumberScheduled")]
    [ProtoField(1)]
    [Required]
    [Description("The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")]
    public int? CurrentNumberScheduled { get; set; }

    [JsonPropertyName("numberMisscheduled")]
    [ProtoField(2)]
    [Required]
    [Description("The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")]
    public int? NumberMisscheduled { get; set; }

    [JsonPropertyName("desiredNumberScheduled")]
    [ProtoField(3)]
    [Required]
    [Description("The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")]
    public int? DesiredNumberScheduled { get; set; }

    [JsonPropertyName("numberReady")]
    [ProtoField(4)]
    [Required]
    [Description("numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.")]
    public int? NumberReady { get; set; }

    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("The most recent generation observed by the daemon set controller.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("updatedNumberScheduled")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("The total number of nodes that are running updated daemon pod")]
    public int? UpdatedNumberScheduled { get; set; }

    [JsonPropertyName("numberAvailable")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)")]
    public int? NumberAvailable { get; set; }

    [JsonPropertyName("numberUnavailable")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)")]
    public int? NumberUnavailable { get; set; }

    [JsonPropertyName("collisionCount")]
    [ProtoField(9)]
    [Description("Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.")]
    public int? CollisionCount { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(10)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a DaemonSet's current state.")]
    public IList<DaemonSetCondition>? Conditions { get; set; }
}
