using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("PodsMetricSource indicates how to scale on a metric describing each pod in the current scale target (for example, transactions-processed-per-second). The values will be averaged together before being compared to the target value.")]
public class PodsMetricSource
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
