using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ProbeHandler defines a specific action that should be taken in a probe. One and only one of the fields must be specified.")]
public class ProbeHandler
{
    [JsonPropertyName("exec")]
    [ProtoField(1)]
    [Description("Exec specifies a command to execute in the container.")]
    public ExecAction? Exec { get; set; }

    [JsonPropertyName("httpGet")]
    [ProtoField(2)]
    [Description("HTTPGet specifies an HTTP GET request to perform.")]
    public HTTPGetAction? HttpGet { get; set; }

    [JsonPropertyName("tcpSocket")]
    [ProtoField(3)]
    [Description("TCPSocket specifies a connection to a TCP port.")]
    public TCPSocketAction? TcpSocket { get; set; }

    [JsonPropertyName("grpc")]
    [ProtoField(4)]
    [Description("GRPC specifies a GRPC HealthCheckRequest.")]
    public GRPCAction? Grpc { get; set; }
}
