using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.")]
public class LoadBalancerIngress
{
    [JsonPropertyName("ip")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)")]
    public string? Ip { get; set; }

    [JsonPropertyName("hostname")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)")]
    public string? Hostname { get; set; }

    [JsonPropertyName("ipMode")]
    [ProtoField(3)]
    [Description("IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified. Setting this to \"VIP\" indicates that traffic is delivered to the node with the destination set to the load-balancer's IP and port. Setting this to \"Proxy\" indicates that traffic is delivered to the node or pod with the destination set to the node's IP and node port or the pod's IP and port. Service implementations may use this information to adjust traffic routing.")]
    public string? IpMode { get; set; }

    [JsonPropertyName("ports")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("Ports is a list of records of service ports If used, every port defined in the service should have an entry in it")]
    public IList<PortStatus>? Ports { get; set; }
}
