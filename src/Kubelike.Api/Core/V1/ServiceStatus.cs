using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ServiceStatus represents the current status of a service.")]
public class ServiceStatus
{
    [JsonPropertyName("loadBalancer")]
    [ProtoField(1)]
    [Description("LoadBalancer contains the current status of the load-balancer, if one is present.")]
    public LoadBalancerStatus? LoadBalancer { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(2)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Current service state")]
    public IList<Condition>? Conditions { get; set; }
}
