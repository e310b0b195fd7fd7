using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("TokenReviewStatus is the result of the token authentication request.")]
public class TokenReviewStatus
{
    [JsonPropertyName("authenticated")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Authenticated indicates that the token was associated with a known user.")]
    public bool? Authenticated { get; set; }

    [JsonPropertyName("user")]
    [ProtoField(2)]
    [Description("User is the UserInfo associated with the provided token.")]
    public UserInfo? User { get; set; }

    [JsonPropertyName("audiences")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("Audiences are audience identifiers chosen by the authenticator that are compatible with both the TokenReview and token. An identifier is any identifier in the intersection of the TokenReviewSpec audiences and the token's audiences. A client of the TokenReview API that sets the spec.audiences field should validate that a compatible audience identifier is returned in the status.audiences field to ensure that the TokenReview server is audience aware. If a TokenReview returns an empty status.audience field where status.authenticated is \"true\", the token is valid against the audience of the Kubernetes API server.")]
    public IList<string>? Audiences { get; set; }

    [JsonPropertyName("error")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Error indicates that the token couldn't be checked")]
    public string? Error { get; set; }
}
