using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("ResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.")]
public class ResourceMetricStatus
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the name of the resource in question.")]
    public string? Name { get; set; }

    [JsonPropertyName("current")]
    [ProtoField(2)]
    [Required]
    [Description("current contains the current value for the given metric")]
    public MetricValueStatus? Current { get; set; }
}
