using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("ObjectMetricStatus indicates the current value of a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).")]
public class ObjectMetricStatus
{
    [JsonPropertyName("metric")]
    [ProtoField(1)]
    [Required]
    [Description("metric identifies the target metric by name and selector")]
    public MetricIdentifier? Metric { get; set; }

    [JsonPropertyName("current")]
    [ProtoField(2)]
    [Required]
    [Description("current contains the current value for the given metric")]
    public MetricValueStatus? Current { get; set; }

    [JsonPropertyName("describedObject")]
    [ProtoField(3)]
    [Required]
    [Description("DescribedObject specifies the descriptions of a object,such as kind,name apiVersion")]
    public CrossVersionObjectReference? DescribedObject { get; set; }
}
