using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A null or empty node selector term matches no objects. The requirements of them are ANDed. The TopologySelectorTerm type implements a subset of the NodeSelectorTerm.")]
[StructType("atomic")]
public class NodeSelectorTerm
{
    [JsonPropertyName("matchExpressions")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("A list of node selector requirements by node's labels.")]
    public IList<NodeSelectorRequirement>? MatchExpressions { get; set; }

    [JsonPropertyName("matchFields")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("A list of node selector requirements by node's fields.")]
    public IList<NodeSelectorRequirement>? MatchFields { get; set; }
}
