using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Affinity is a group of affinity scheduling rules.")]
public class Affinity
{
    [JsonPropertyName("nodeAffinity")]
    [ProtoField(1)]
    [Description("Describes node affinity scheduling rules for the pod.")]
    public NodeAffinity? NodeAffinity { get; set; }

    [JsonPropertyName("podAffinity")]
    [ProtoField(2)]
    [Description("Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s)).")]
    public PodAffinity? PodAffinity { get; set; }

    [JsonPropertyName("podAntiAffinity")]
    [ProtoField(3)]
    [Description("Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s)).")]
    public PodAntiAffinity? PodAntiAffinity { get; set; }
}
