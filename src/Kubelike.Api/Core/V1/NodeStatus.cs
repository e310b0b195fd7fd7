using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeStatus is information about the current status of a node.")]
public class NodeStatus
{
    [JsonPropertyName("capacity")]
    [ProtoField(1)]
    [Description("Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity")]
    public IDictionary<string, Quantity>? Capacity { get; set; }

    [JsonPropertyName("allocatable")]
    [ProtoField(2)]
    [Description("Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.")]
    public IDictionary<string, Quantity>? Allocatable { get; set; }

    [JsonPropertyName("phase")]
    [OmitEmpty]
    [ProtoField(3)]
    [EnumValues("Pending", "Running", "Terminated")]
    [Description("NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.")]
    public string? Phase { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(4)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition")]
    public IList<NodeCondition>? Conditions { get; set; }

    [JsonPropertyName("addresses")]
    [ProtoField(5)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).")]
    public IList<NodeAddress>? Addresses { get; set; }

    [JsonPropertyName("daemonEndpoints")]
    [ProtoField(6)]
    [Description("Endpoints of daemons running on the Node.")]
    public NodeDaemonEndpoints? DaemonEndpoints { get; set; }

    [JsonPropertyName("nodeInfo")]
    [ProtoField(7)]
    [Description("Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info")]
    public NodeSystemInfo? NodeInfo { get; set; }

    [JsonPropertyName("images")]
    [ProtoField(8)]
    [ListType("atomic")]
    [Description("List of container images on this node")]
    public IList<ContainerImage>? Images { get; set; }

    [JsonPropertyName("volumesInUse")]
    [ProtoField(9)]
    [ListType("atomic")]
    [Description("List of attachable volumes in use (mounted) by the node.")]
    public IList<string>? VolumesInUse { get; set; }

    [JsonPropertyName("volumesAttached")]
    [ProtoField(10)]
    [ListType("atomic")]
    [Description("List of volumes that are attached to the node.")]
    public IList<AttachedVolume>? VolumesAttached { get; set; }

    [JsonPropertyName("config")]
    [ProtoField(11)]
    [Description("Status of the config assigned to the node via the dynamic Kubelet config feature.")]
    public NodeConfigStatus? Config { get; set; }

    [JsonPropertyName("runtimeHandlers")]
    [ProtoField(12)]
    [ListType("atomic")]
    [Description("The available runtime handlers.")]
    public IList<NodeRuntimeHandler>? RuntimeHandlers { get; set; }

    [JsonPropertyName("features")]
    [ProtoField(13)]
    [Description("Features describes the set of features implemented by the CRI implementation.")]
    public NodeFeatures? Features { get; set; }
}
