using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("PodFailurePolicy describes how failed pods influence the backoffLimit.")]
public class PodFailurePolicy
{
    [JsonPropertyName("rules")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("A list of pod failure policy rules. The rules are evaluated in order. Once a rule matches a Pod failure, the remaining of the rules are ignored. When no rule matches the Pod failure, the default handling applies - the counter of pod failures is incremented and it is checked against the backoffLimit. At most 20 elements are allowed.")]
    public IList<PodFailurePolicyRule>? Rules { get; set; }
}
