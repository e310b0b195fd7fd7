using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LimitRangeSpec defines a min/max usage limit for resources that match on kind.")]
public class LimitRangeSpec
{
    [JsonPropertyName("limits")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("Limits is the list of LimitRangeItem objects that are enforced.")]
    public IList<LimitRangeItem>? Limits { get; set; }
}
