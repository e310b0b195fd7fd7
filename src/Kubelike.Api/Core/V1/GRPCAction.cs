using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("GRPCAction specifies an action involving a GRPC service.")]
public class GRPCAction
{
    [JsonPropertyName("port")]
    [ProtoField(1)]
    [Required]
    [Description("Port number of the gRPC service. Number must be in the range 1 to 65535.")]
    public int? Port { get; set; }

    [JsonPropertyName("service")]
    [ProtoField(2)]
    [Description("Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC.")]
    public string? Service { get; set; }
}
