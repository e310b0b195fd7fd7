using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Discovery.V1;

[Description("ForZone provides information about which zones should consume this endpoint.")]
public class ForZone
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name represents the name of the zone.")]
    public string? Name { get; set; }
}
