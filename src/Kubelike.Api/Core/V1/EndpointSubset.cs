using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports. For example, given:\n\n\t{\n\t  Addresses: [{\"ip\": \"10.10.1.1\"}, {\"ip\": \"10.10.2.2\"}],\n\t  Ports:     [{\"name\": \"a\", \"port\": 8675}, {\"name\": \"b\", \"port\": 309}]\n\t}\n\nThe resulting set of endpoints can be viewed as:\n\n\ta: [ 10.10.1.1:8675, 10.10.2.2:8675 ],\n\tb: [ 10.10.1.1:309, 10.10.2.2:309 ]\n\nDeprecated: This API is deprecated in v1.33+.")]
public class EndpointSubset
{
    [JsonPropertyName("addresses")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize.")]
    public IList<EndpointAddress>? Addresses { get; set; }

    [JsonPropertyName("notReadyAddresses")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.")]
    public IList<EndpointAddress>? NotReadyAddresses { get; set; }

    [JsonPropertyName("ports")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("Port numbers available on the related IP addresses.")]
    public IList<EndpointPort>? Ports { get; set; }
}
