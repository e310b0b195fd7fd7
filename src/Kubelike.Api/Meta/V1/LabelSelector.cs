using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.")]
[StructType("atomic")]
public class LabelSelector
{
    [JsonPropertyName("matchLabels")]
    [ProtoField(1)]
    [Description("matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is \"key\", the operator is \"In\", and the values array contains only \"value\". The requirements are ANDed.")]
    public IDictionary<string, string>? MatchLabels { get; set; }

    [JsonPropertyName("matchExpressions")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("matchExpressions is a list of label selector requirements. The requirements are ANDed.")]
    public IList<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
