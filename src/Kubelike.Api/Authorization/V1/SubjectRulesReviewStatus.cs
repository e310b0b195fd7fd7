using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("SubjectRulesReviewStatus contains the result of a rules check. This check can be incomplete depending on the set of authorizers the server is configured with and any errors experienced during evaluation. Because authorization rules are additive, if a rule appears in a list it's safe to assume the subject has that permission, even if that list is incomplete.")]
public class SubjectRulesReviewStatus
{
    [JsonPropertyName("resourceRules")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("ResourceRules is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.")]
    public IList<ResourceRule>? ResourceRules { get; set; }

    [JsonPropertyName("nonResourceRules")]
    [ProtoField(2)]
    [Required]
    [ListType("atomic")]
    [Description("NonResourceRules is the list of actions the subject is allowed to perform on non-resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.")]
    public IList<NonResourceRule>? NonResourceRules { get; set; }

    [JsonPropertyName("incomplete")]
    [ProtoField(3)]
    [Required]
    [Description("Incomplete is true when the rules returned by this call are incomplete. This is most commonly encountered when an authorizer, such as an external authorizer, doesn't support rules evaluation.")]
    public bool? Incomplete { get; set; }

    [JsonPropertyName("evaluationError")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("EvaluationError can appear in combination with Rules. It indicates an error occurred during rule evaluation, such as an authorizer that doesn't support rule evaluation, and that ResourceRules and/or NonResourceRules may be incomplete.")]
    public string? EvaluationError { get; set; }
}
