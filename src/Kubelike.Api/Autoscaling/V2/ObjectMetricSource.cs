using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("ObjectMetricSource indicates how to scale on a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).")]
public class ObjectMetricSource
{
    [JsonPropertyName("describedObject")]
    [ProtoField(1)]
    [Required]
    [Description("describedObject specifies the descriptions of a object,such as kind,name apiVersion")]
    public CrossVersionObjectReference? DescribedObject { get; set; }

    [JsonPropertyName("target")]
    [ProtoField(2)]
    [Required]
    [Description("target specifies the target value for the given metric")]
    public MetricTarget? Target { get; set; }

    [JsonPropertyName("metric")]
    [ProtoField(3)]
    [Required]
    [Description("metric identifies the target metric by name and selector")]
    public MetricIdentifier? Metric { get; set; }
}
