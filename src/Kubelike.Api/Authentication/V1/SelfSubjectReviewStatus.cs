using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("SelfSubjectReviewStatus is filled by the kube-apiserver and sent back to a user.")]
public class SelfSubjectReviewStatus
{
    [JsonPropertyName("userInfo")]
    [ProtoField(1)]
    [Description("User attributes of the user making this request.")]
    public UserInfo? UserInfo { get; set; }
}
