using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("SelfSubjectRulesReviewSpec defines the specification for SelfSubjectRulesReview.")]
public class SelfSubjectRulesReviewSpec
{
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Namespace to evaluate rules for. Required.")]
    public string? Namespace { get; set; }
}
