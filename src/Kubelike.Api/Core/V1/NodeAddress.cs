using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeAddress contains information for the node's address.")]
public class NodeAddress
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Node address type, one of Hostname, ExternalIP or InternalIP.")]
    public string? Type { get; set; }

    [JsonPropertyName("address")]
    [ProtoField(2)]
    [Required]
    [Description("The node address.")]
    public string? Address { get; set; }
}
