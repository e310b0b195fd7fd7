using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("ServerAddressByClientCIDR helps the client to determine the server address that they should use, depending on the clientCIDR that they match.")]
public class ServerAddressByClientCIDR
{
    [JsonPropertyName("clientCIDR")]
    [ProtoField(1)]
    [Required]
    [Description("The CIDR with which clients can match their IP to figure out the server address that they should use.")]
    public string? ClientCIDR { get; set; }

    [JsonPropertyName("serverAddress")]
    [ProtoField(2)]
    [Required]
    [Description("Address of this server, suitable for a client that matches the above CIDR. This can be a hostname, hostname:port, IP or IP:port.")]
    public string? ServerAddress { get; set; }
}
