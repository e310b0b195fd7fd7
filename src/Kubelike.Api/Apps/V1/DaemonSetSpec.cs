using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DaemonSetSpec is the specification of a daemon set.")]
public class DaemonSetSpec
{
    [JsonPropertyName("selector")]
    [ProtoField(1)]
    [Required]
    [Description("A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors")]
    public LabelSelector? Selector { get; set; }

    [JsonPropertyName("template")]
    [ProtoField(2)]
    [Required]
    [Description("An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is \"Always\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template")]
    public PodTemplateSpec? Template { get; set; }

    [JsonPropertyName("updateStrategy")]
    [ProtoField(3)]
    [Description("An update strategy to replace existing DaemonSet pods with new pods.")]
    public DaemonSetUpdateStrategy? UpdateStrategy { get; set; }

    [JsonPropertyName("minReadySeconds")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).")]
    public int? MinReadySeconds { get; set; }

    [JsonPropertyName("revisionHistoryLimit")]
    [ProtoField(6)]
    [Description("The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")]
    public int? RevisionHistoryLimit { get; set; }
}
