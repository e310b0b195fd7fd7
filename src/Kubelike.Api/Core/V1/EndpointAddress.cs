using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EndpointAddress is a tuple that describes single IP address. Deprecated: This API is deprecated in v1.33+.")]
[StructType("atomic")]
public class EndpointAddress
{
    [JsonPropertyName("ip")]
    [ProtoField(1)]
    [Required]
    [Description("The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).")]
    public string? Ip { get; set; }

    [JsonPropertyName("hostname")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("The Hostname of this endpoint")]
    public string? Hostname { get; set; }

    [JsonPropertyName("nodeName")]
    [ProtoField(4)]
    [Description("Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.")]
    public string? NodeName { get; set; }

    [JsonPropertyName("targetRef")]
    [ProtoField(2)]
    [Description("Reference to object providing the endpoint.")]
    public ObjectReference? TargetRef { get; set; }
}
