using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("MetricValueStatus holds the current value for a metric")]
public class MetricValueStatus
{
    [JsonPropertyName("value")]
    [ProtoField(1)]
    [Description("value is the current value of the metric (as a quantity).")]
    public Quantity? Value { get; set; }

    [JsonPropertyName("averageValue")]
    [ProtoField(2)]
    [Description("averageValue is the current value of the average of the metric across all relevant pods (as a quantity)")]
    public Quantity? AverageValue { get; set; }

    [JsonPropertyName("averageUtilization")]
    [ProtoField(3)]
    [Description("currentAverageUtilization is the current value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods.")]
    public int? AverageUtilization { get; set; }
}
