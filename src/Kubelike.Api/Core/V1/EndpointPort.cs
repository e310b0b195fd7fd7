using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EndpointPort is a tuple that describes a single port. Deprecated: This API is deprecated in v1.33+.")]
[StructType("atomic")]
public class EndpointPort
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined.")]
    public string? Name { get; set; }

    [JsonPropertyName("port")]
    [ProtoField(2)]
    [Required]
    [Description("The port number of the endpoint.")]
    public int? Port { get; set; }

    [JsonPropertyName("protocol")]
    [OmitEmpty]
    [ProtoField(3)]
    [EnumValues("TCP", "UDP", "SCTP")]
    [Description("The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.")]
    public string? Protocol { get; set; }

    [JsonPropertyName("appProtocol")]
    [ProtoField(4)]
    [Description("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol.")]
    public string? AppProtocol { get; set; }
}
