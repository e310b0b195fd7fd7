using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("PodFailurePolicyRule describes how a pod failure is handled when the requirements are met. One of onExitCodes and onPodConditions, but not both, can be used in each rule.")]
public class PodFailurePolicyRule
{
    [JsonPropertyName("action")]
    [ProtoField(1)]
    [Required]
    [EnumValues("FailJob", "FailIndex", "Ignore", "Count")]
    [Description("Specifies the action taken on a pod failure when the requirements are satisfied. Possible values are:\n\n- FailJob: indicates that the pod's job is marked as Failed and all\n  running pods are terminated.\n- FailIndex: indicates that the pod's index is marked as Failed and will\n  not be restarted.\n- Ignore: indicates that the counter towards the .backoffLimit is not\n  incremented and a replacement pod is created.\n- Count: indicates that the pod is handled in the default way - the\n  counter towards the .backoffLimit is incremented.\nAdditional values are considered to be added in the future. Clients should react to an unknown action by skipping the rule.")]
    public string? Action { get; set; }

    [JsonPropertyName("onExitCodes")]
    [ProtoField(2)]
    [Description("Represents the requirement on the container exit codes.")]
    public PodFailurePolicyOnExitCodesRequirement? OnExitCodes { get; set; }

    [JsonPropertyName("onPodConditions")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("Represents the requirement on the pod conditions. The requirement is represented as a list of pod condition patterns. The requirement is satisfied if at least one pattern matches an actual pod condition. At most 20 elements are allowed.")]
    public IList<PodFailurePolicyOnPodConditionsPattern>? OnPodConditions { get; set; }
}
