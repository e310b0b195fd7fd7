using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("SubjectAccessReviewStatus")]
public class SubjectAccessReviewStatus
{
    [JsonPropertyName("allowed")]
    [ProtoField(1)]
    [Required]
    [Description("Allowed is required. True if the action would be allowed, false otherwise.")]
    public bool? Allowed { get; set; }

    [JsonPropertyName("denied")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Denied is optional. True if the action would be denied, otherwise false. If both allowed is false and denied is false, then the authorizer has no opinion on whether to authorize the action. Denied may not be true if Allowed is true.")]
    public bool? Denied { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Reason is optional.  It indicates why a request was allowed or denied.")]
    public string? Reason { get; set; }

    [JsonPropertyName("evaluationError")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("EvaluationError is an indication that some error occurred during the authorization check. It is entirely possible to get an error and be able to continue determine authorization status in spite of it. For instance, RBAC can be missing a role, but enough roles are still present and bound to reason about the request.")]
    public string? EvaluationError { get; set; }
}
