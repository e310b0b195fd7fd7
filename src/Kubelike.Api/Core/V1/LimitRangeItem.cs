using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LimitRangeItem defines a min/max usage limit for any resource that matches on kind.")]
public class LimitRangeItem
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of resource that this limit applies to.")]
    public string? Type { get; set; }

    [JsonPropertyName("max")]
    [ProtoField(2)]
    [Description("Max usage constraints on this kind by resource name.")]
    public IDictionary<string, Quantity>? Max { get; set; }

    [JsonPropertyName("min")]
    [ProtoField(3)]
    [Description("Min usage constraints on this kind by resource name.")]
    public IDictionary<string, Quantity>? Min { get; set; }

    [JsonPropertyName("default")]
    [ProtoField(4)]
    [Description("Default resource requirement limit value by resource name if resource limit is omitted.")]
    public IDictionary<string, Quantity>? Default { get; set; }

    [JsonPropertyName("defaultRequest")]
    [ProtoField(5)]
    [Description("DefaultRequest is the default resource requirement request value by resource name if resource request is omitted.")]
    public IDictionary<string, Quantity>? DefaultRequest { get; set; }

    [JsonPropertyName("maxLimitRequestRatio")]
    [ProtoField(6)]
    [Description("MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value; this represents the max burst for the named resource.")]
    public IDictionary<string, Quantity>? MaxLimitRequestRatio { get; set; }
}
