using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.")]
public class NodeSelectorRequirement
{
    [JsonPropertyName("key")]
    [ProtoField(1)]
    [Required]
    [Description("The label key that the selector applies to.")]
    public string? Key { get; set; }

    [JsonPropertyName("operator")]
    [ProtoField(2)]
    [Required]
    [EnumValues("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")]
    [Description("Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.")]
    public string? Operator { get; set; }

    [JsonPropertyName("values")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. If the operator is Gt or Lt, the values array must have a single element, which will be interpreted as an integer. This array is replaced during a strategic merge patch.")]
    public IList<string>? Values { get; set; }
}
