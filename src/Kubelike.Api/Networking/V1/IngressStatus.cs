using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressStatus describe the current state of the Ingress.")]
public class IngressStatus
{
    [JsonPropertyName("loadBalancer")]
    [ProtoField(1)]
    [Description("loadBalancer contains the current status of the load-balancer.")]
    public IngressLoadBalancerStatus? LoadBalancer { get; set; }
}
