using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A node selector represents the union of the results of one or more label queries over a set of nodes; that is, it represents the OR of the selectors represented by the node selector terms.")]
[StructType("atomic")]
public class NodeSelector
{
    [JsonPropertyName("nodeSelectorTerms")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("Required. A list of node selector terms. The terms are ORed.")]
    public IList<NodeSelectorTerm>? NodeSelectorTerms { get; set; }
}
