using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Discovery.V1;

[Description("EndpointHints provides hints describing how an endpoint should be consumed.")]
public class EndpointHints
{
    [JsonPropertyName("forZones")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("forZones indicates the zone(s) this endpoint should be consumed by when using topology aware routing. May contain a maximum of 8 entries.")]
    public IList<ForZone>? ForZones { get; set; }

    [JsonPropertyName("forNodes")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("forNodes indicates the node(s) this endpoint should be consumed by when using topology aware routing. May contain a maximum of 8 entries. This is an Alpha feature and is only used when the PreferSameTrafficDistribution feature gate is enabled.")]
    public IList<ForNode>? ForNodes { get; set; }
}
