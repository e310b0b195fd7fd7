using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressLoadBalancerIngress represents the status of a load-balancer ingress point.")]
public class IngressLoadBalancerIngress
{
    [JsonPropertyName("ip")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("ip is set for load-balancer ingress points that are IP based.")]
    public string? Ip { get; set; }

    [JsonPropertyName("hostname")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("hostname is set for load-balancer ingress points that are DNS based.")]
    public string? Hostname { get; set; }

    [JsonPropertyName("ports")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("ports provides information about the ports exposed by this LoadBalancer.")]
    public IList<IngressPortStatus>? Ports { get; set; }
}
