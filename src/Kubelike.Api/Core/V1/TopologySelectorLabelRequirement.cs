using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("A topology selector requirement is a selector that matches given label. This is an alpha feature and may change in the future.")]
public class TopologySelectorLabelRequirement
{
    [JsonPropertyName("key")]
    [ProtoField(1)]
    [Required]
    [Description("The label key that the selector applies to.")]
    public string? Key { get; set; }

    [JsonPropertyName("values")]
    [ProtoField(2)]
    [Required]
    [ListType("atomic")]
    [Description("An array of string values. One value must match the label to be selected. Each entry in Values is ORed.")]
    public IList<string>? Values { get; set; }
}
