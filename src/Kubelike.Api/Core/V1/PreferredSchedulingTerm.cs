using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("An empty preferred scheduling term matches all objects with implicit weight 0 (i.e. it's a no-op). A null preferred scheduling term matches no objects (i.e. is also a no-op).")]
public class PreferredSchedulingTerm
{
    [JsonPropertyName("weight")]
    [ProtoField(1)]
    [Required]
    [Description("Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.")]
    public int? Weight { get; set; }

    [JsonPropertyName("preference")]
    [ProtoField(2)]
    [Required]
    [Description("A node selector term, associated with the corresponding weight.")]
    public NodeSelectorTerm? Preference { get; set; }
}
