using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Discovery.V1;

[Description("ForNode provides information about which nodes should consume this endpoint.")]
public class ForNode
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name represents the name of the node.")]
    public string? Name { get; set; }
}
