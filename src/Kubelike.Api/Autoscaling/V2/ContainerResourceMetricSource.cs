using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("ContainerResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  The values will be averaged together before being compared to the target.  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.  Only one \"target\" type should be set.")]
public class ContainerResourceMetricSource
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the name of the resource in question.")]
    public string? Name { get; set; }

    [JsonPropertyName("target")]
    [ProtoField(2)]
    [Required]
    [Description("target specifies the target value for the given metric")]
    public MetricTarget? Target { get; set; }

    [JsonPropertyName("container")]
    [ProtoField(3)]
    [Required]
    [Description("container is the name of the container in the pods of the scaling target")]
    public string? Container { get; set; }
}
