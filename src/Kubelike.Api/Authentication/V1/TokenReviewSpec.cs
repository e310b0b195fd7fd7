using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("TokenReviewSpec is a description of the token authentication request.")]
public class TokenReviewSpec
{
    [JsonPropertyName("token")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Token is the opaque bearer token.")]
    public string? Token { get; set; }

    [JsonPropertyName("audiences")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("Audiences is a list of the identifiers that the resource server presented with the token identifies as. Audience-aware token authenticators will verify that the token was intended for at least one of the audiences in this list. If no audiences are provided, the audience will default to the audience of the Kubernetes apiserver.")]
    public IList<string>? Audiences { get; set; }
}
