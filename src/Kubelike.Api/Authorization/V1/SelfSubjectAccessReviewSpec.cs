using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("SelfSubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set")]
public class SelfSubjectAccessReviewSpec
{
    [JsonPropertyName("resourceAttributes")]
    [ProtoField(1)]
    [Description("ResourceAuthorizationAttributes describes information for a resource access request")]
    public ResourceAttributes? ResourceAttributes { get; set; }

    [JsonPropertyName("nonResourceAttributes")]
    [ProtoField(2)]
    [Description("NonResourceAttributes describes information for a non-resource access request")]
    public NonResourceAttributes? NonResourceAttributes { get; set; }
}
