using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("ExternalMetricSource indicates how to scale on a metric not associated with any Kubernetes object (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).")]
public class ExternalMetricSource
{
    [JsonPropertyName("metric")]
    [ProtoField(1)]
    [Required]
    [Description("metric identifies the target metric by name and selector")]
    public MetricIdentifier? Metric { get; set; }

    [JsonPropertyName("target")]
    [ProtoField(2)]
    [Required]
    [Description("target specifies the target value for the given metric")]
    public MetricTarget? Target { get; set; }
}
