using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressLoadBalancerStatus represents the status of a load-balancer.")]
public class IngressLoadBalancerStatus
{
    [JsonPropertyName("ingress")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("ingress is a list containing ingress points for the load-balancer.")]
    public IList<IngressLoadBalancerIngress>? Ingress { get; set; }
}
