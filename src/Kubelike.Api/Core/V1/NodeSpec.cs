using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeSpec describes the attributes that a node is created with.")]
public class NodeSpec
{
    [JsonPropertyName("podCIDR")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("PodCIDR represents the pod IP range assigned to the node.")]
    public string? PodCIDR { get; set; }

    [JsonPropertyName("podCIDRs")]
    [ProtoField(7)]
    [PatchStrategy("merge")]
    [ListType("set")]
    [Description("podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.")]
    public IList<string>? PodCIDRs { get; set; }

    [JsonPropertyName("providerID")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>")]
    public string? ProviderID { get; set; }

    [JsonPropertyName("unschedulable")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration")]
    public bool? Unschedulable { get; set; }

    [JsonPropertyName("taints")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("If specified, the node's taints.")]
    public IList<Taint>? Taints { get; set; }

    [JsonPropertyName("configSource")]
    [ProtoField(6)]
    [Description("Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed.")]
    public NodeConfigSource? ConfigSource { get; set; }

    [JsonPropertyName("externalID")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966")]
    public string? ExternalID { get; set; }
}
