using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Discovery.V1;

[Description("EndpointPort represents a Port used by an EndpointSlice")]
[StructType("atomic")]
public class EndpointPort
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Description("name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name. Name must either be an empty string or pass DNS_LABEL validation: * must be no more than 63 characters long. * must consist of lower case alphanumeric characters or '-'. * must start and end with an alphanumeric character. Default is empty string.")]
    public string? Name { get; set; }

    [JsonPropertyName("protocol")]
    [ProtoField(2)]
    [EnumValues("TCP", "UDP", "SCTP")]
    [Description("protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.")]
    public string? Protocol { get; set; }

    [JsonPropertyName("port")]
    [ProtoField(3)]
    [Description("port represents the port number of the endpoint. If the EndpointSlice is derived from a Kubernetes service, this must be set to the service's target port. EndpointSlices used for other purposes may have a nil port.")]
    public int? Port { get; set; }

    [JsonPropertyName("appProtocol")]
    [ProtoField(4)]
    [Description("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol.")]
    public string? AppProtocol { get; set; }
}
