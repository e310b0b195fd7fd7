using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DeploymentSpec is the specification of the desired behavior of the Deployment.")]
public class DeploymentSpec
{
    [JsonPropertyName("replicas")]
    [ProtoField(1)]
    [Description("Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.")]
    public int? Replicas { get; set; }

    [JsonPropertyName("selector")]
    [ProtoField(2)]
    [Required]
    [Description("Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.")]
    public LabelSelector? Selector { get; set; }

    [JsonPropertyName("template")]
    [ProtoField(3)]
    [Required]
    [Description("Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\".")]
    public PodTemplateSpec? Template { get; set; }

    [JsonPropertyName("strategy")]
    [ProtoField(4)]
    [PatchStrategy("retainKeys")]
    [Description("The deployment strategy to use to replace existing pods with new ones.")]
    public DeploymentStrategy? Strategy { get; set; }

    [JsonPropertyName("minReadySeconds")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")]
    public int? MinReadySeconds { get; set; }

    [JsonPropertyName("revisionHistoryLimit")]
    [ProtoField(6)]
    [Description("The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")]
    public int? RevisionHistoryLimit { get; set; }

    [JsonPropertyName("paused")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("Indicates that the deployment is paused.")]
    public bool? Paused { get; set; }

    [JsonPropertyName("progressDeadlineSeconds")]
    [ProtoField(9)]
    [Description("The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.")]
    public int? ProgressDeadlineSeconds { get; set; }
}
