using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("MetricIdentifier defines the name and optionally selector for a metric")]
public class MetricIdentifier
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the name of the given metric")]
    public string? Name { get; set; }

    [JsonPropertyName("selector")]
    [ProtoField(2)]
    [Description("selector is the string-encoded form of a standard kubernetes label selector for the given metric When set, it is passed as an additional parameter to the metrics server for more specific metrics scoping. When unset, just the metricName will be used to gather metrics.")]
    public LabelSelector? Selector { get; set; }
}
