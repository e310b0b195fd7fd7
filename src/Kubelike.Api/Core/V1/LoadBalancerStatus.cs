using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LoadBalancerStatus represents the status of a load-balancer.")]
public class LoadBalancerStatus
{
    [JsonPropertyName("ingress")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.")]
    public IList<LoadBalancerIngress>? Ingress { get; set; }
}
