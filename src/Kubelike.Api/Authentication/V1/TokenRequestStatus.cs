using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("TokenRequestStatus is the result of a token request.")]
public class TokenRequestStatus
{
    [JsonPropertyName("token")]
    [ProtoField(1)]
    [Required]
    [Description("Token is the opaque bearer token.")]
    public string? Token { get; set; }

    [JsonPropertyName("expirationTimestamp")]
    [ProtoField(2)]
    [Required]
    [Description("ExpirationTimestamp is the time of expiration of the returned token.")]
    public Time? ExpirationTimestamp { get; set; }
}
