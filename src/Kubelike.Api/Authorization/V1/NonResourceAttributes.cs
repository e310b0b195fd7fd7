using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface")]
public class NonResourceAttributes
{
    [JsonPropertyName("path")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Path is the URL path of the request")]
    public string? Path { get; set; }

    [JsonPropertyName("verb")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Verb is the standard HTTP verb")]
    public string? Verb { get; set; }
}
