using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("PodsMetricStatus indicates the current value of a metric describing each pod in the current scale target (for example, transactions-processed-per-second).")]
public class PodsMetricStatus
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
}
