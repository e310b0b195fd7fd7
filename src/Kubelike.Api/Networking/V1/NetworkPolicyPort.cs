using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("NetworkPolicyPort describes a port to allow traffic on")]
public class NetworkPolicyPort
{
    [JsonPropertyName("protocol")]
    [ProtoField(1)]
    [EnumValues("TCP", "UDP", "SCTP")]
    [Description("protocol represents the protocol (TCP, UDP, or SCTP) which traffic must match. If not specified, this field defaults to TCP.")]
    public string? Protocol { get; set; }

    [JsonPropertyName("port")]
    [ProtoField(2)]
    [Description("port represents the port on the given protocol. This can either be a numerical or named port on a pod. If this field is not provided, this matches all port names and numbers. If present, only traffic on the specified protocol AND port will be matched.")]
    public IntOrString? Port { get; set; }

    [JsonPropertyName("endPort")]
    [ProtoField(3)]
    [Description("endPort indicates that the range of ports from port to endPort if set, inclusive, should be allowed by the policy. This field cannot be defined if the port field is not defined or if the port field is defined as a named (string) port. The endPort must be equal or greater than port.")]
    public int? EndPort { get; set; }
}
