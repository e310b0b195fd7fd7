using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("BoundObjectReference is a reference to an object that a token is bound to.")]
public class BoundObjectReference
{
    [JsonPropertyName("kind")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Kind of the referent. Valid kinds are 'Pod' and 'Secret'.")]
    public string? Kind { get; set; }

    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("API version of the referent.")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Name of the referent.")]
    public string? Name { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("UID of the referent.")]
    public string? Uid { get; set; }
}
