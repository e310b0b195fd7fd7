using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.")]
public class LabelSelectorRequirement
{
    [JsonPropertyName("key")]
    [ProtoField(1)]
    [Required]
    [Description("key is the label key that the selector applies to.")]
    public string? Key { get; set; }

    [JsonPropertyName("operator")]
    [ProtoField(2)]
    [Required]
    [Description("operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.")]
    public string? Operator { get; set; }

    [JsonPropertyName("values")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.")]
    public IList<string>? Values { get; set; }
}
