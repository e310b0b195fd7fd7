using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A scoped-resource selector requirement is a selector that contains values, a scope name, and an operator that relates the scope name and values.")]
public class ScopedResourceSelectorRequirement
{
    [JsonPropertyName("scopeName")]
    [ProtoField(1)]
    [Required]
    [EnumValues("Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass")]
    [Description("The name of the scope that the selector applies to.")]
    public string? ScopeName { get; set; }

    [JsonPropertyName("operator")]
    [ProtoField(2)]
    [Required]
    [EnumValues("In", "NotIn", "Exists", "DoesNotExist")]
    [Description("Represents a scope's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.")]
    public string? Operator { get; set; }

    [JsonPropertyName("values")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.")]
    public IList<string>? Values { get; set; }
}
