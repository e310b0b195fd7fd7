using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s)")]
public class WeightedPodAffinityTerm
{
    [JsonPropertyName("weight")]
    [ProtoField(1)]
    [Required]
    [Description("weight associated with matching the corresponding podAffinityTerm, in the range 1-100.")]
    public int? Weight { get; set; }

    [JsonPropertyName("podAffinityTerm")]
    [ProtoField(2)]
    [Required]
    [Description("Required. A pod affinity term, associated with the corresponding weight.")]
    public PodAffinityTerm? PodAffinityTerm { get; set; }
}
