using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressPortStatus represents the error condition of a service port")]
public class IngressPortStatus
{
    [JsonPropertyName("port")]
    [ProtoField(1)]
    [Required]
    [Description("port is the port number of the ingress port.")]
    public int? Port { get; set; }

    [JsonPropertyName("protocol")]
    [ProtoField(2)]
    [Required]
    [EnumValues("TCP", "UDP", "SCTP")]
    [Description("protocol is the protocol of the ingress port. The supported values are: \"TCP\", \"UDP\", \"SCTP\"")]
    public string? Protocol { get; set; }

    [JsonPropertyName("error")]
    [ProtoField(3)]
    [Description("error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use\n  CamelCase names\n- cloud provider specific error values must have names that comply with the\n  format foo.example.com/CamelCase.")]
    public string? Error { get; set; }
}
