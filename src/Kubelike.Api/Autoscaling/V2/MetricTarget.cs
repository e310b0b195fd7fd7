using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("MetricTarget defines the target value, average value, or average utilization of a specific metric")]
public class MetricTarget
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("type represents whether the metric type is Utilization, Value, or AverageValue")]
    public string? Type { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Description("value is the target value of the metric (as a quantity).")]
    public Quantity? Value { get; set; }

    [JsonPropertyName("averageValue")]
    [ProtoField(3)]
    [Description("averageValue is the target value of the average of the metric across all relevant pods (as a quantity)")]
    public Quantity? AverageValue { get; set; }

    [JsonPropertyName("averageUtilization")]
    [ProtoField(4)]
    [Description("averageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods. Currently only valid for Resource metric source type")]
    public int? AverageUtilization { get; set; }
}
