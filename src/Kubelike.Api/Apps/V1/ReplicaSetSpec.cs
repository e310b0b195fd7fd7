using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("ReplicaSetSpec is the specification of a ReplicaSet.")]
public class ReplicaSetSpec
{
    [JsonPropertyName("replicas")]
    [ProtoField(1)]
    [Description("Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")]
    public int? Replicas { get; set; }

    [JsonPropertyName("minReadySeconds")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")]
    public int? MinReadySeconds { get; set; }

    [JsonPropertyName("selector")]
    [ProtoField(2)]
    [Required]
    [Description("Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors")]
    public LabelSelector? Selector { get; set; }

    [JsonPropertyName("template")]
    [ProtoField(3)]
    [Description("Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#pod-template")]
    public PodTemplateSpec? Template { get; set; }
}
