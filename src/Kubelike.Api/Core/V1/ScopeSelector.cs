using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A scope selector represents the AND of the selectors represented by the scoped-resource selector requirements.")]
[StructType("atomic")]
public class ScopeSelector
{
    [JsonPropertyName("matchExpressions")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("A list of scope selector requirements by scope of the resources.")]
    public IList<ScopedResourceSelectorRequirement>? MatchExpressions { get; set; }
}
