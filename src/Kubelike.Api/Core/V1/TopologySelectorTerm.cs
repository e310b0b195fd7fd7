using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A topology selector term represents the result of label queries. A null or empty topology selector term matches no objects. The requirements of them are ANDed. It provides a subset of functionality as NodeSelectorTerm. This is an alpha feature and may change in the future.")]
[StructType("atomic")]
public class TopologySelectorTerm
{
    [JsonPropertyName("matchLabelExpressions")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("A list of topology selector requirements by labels.")]
    public IList<TopologySelectorLabelRequirement>? MatchLabelExpressions { get; set; }
}
