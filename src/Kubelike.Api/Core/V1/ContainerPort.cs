using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerPort represents a network port in a single container.")]
public class ContainerPort
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.")]
    public string? Name { get; set; }

    [JsonPropertyName("hostPort")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.")]
    public int? HostPort { get; set; }

    [JsonPropertyName("containerPort")]
    [ProtoField(3)]
    [Required]
    [Description("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.")]
    public int? ContainerPortValue { get; set; }

    [JsonPropertyName("protocol")]
    [OmitEmpty]
    [ProtoField(4)]
    [EnumValues("TCP", "UDP", "SCTP")]
    [Description("Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".")]
    public string? Protocol { get; set; }

    [JsonPropertyName("hostIP")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("What host IP to bind the external port to.")]
    public string? HostIP { get; set; }
}
