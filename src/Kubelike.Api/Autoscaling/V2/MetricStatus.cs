using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V2;

[Description("MetricStatus describes the last-read state of a single metric.")]
public class MetricStatus
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("type is the type of metric source.  It will be one of \"ContainerResource\", \"External\", \"Object\", \"Pods\" or \"Resource\", each corresponds to a matching field in the object.")]
    public string? Type { get; set; }

    [JsonPropertyName("object")]
    [ProtoField(2)]
    [Description("object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object).")]
    public ObjectMetricStatus? Object { get; set; }

    [JsonPropertyName("pods")]
    [ProtoField(3)]
    [Description("pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).  The values will be averaged together before being compared to the target value.")]
    public PodsMetricStatus? Pods { get; set; }

    [JsonPropertyName("resource")]
    [ProtoField(4)]
    [Description("resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.")]
    public ResourceMetricStatus? Resource { get; set; }

    [JsonPropertyName("containerResource")]
    [ProtoField(7)]
    [Description("container resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.")]
    public ContainerResourceMetricStatus? ContainerResource { get; set; }

    [JsonPropertyName("external")]
    [ProtoField(5)]
    [Description("external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).")]
    public ExternalMetricStatus? External { get; set; }
}
