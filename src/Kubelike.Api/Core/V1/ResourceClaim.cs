using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ResourceClaim references one entry in PodSpec.ResourceClaims.")]
public class ResourceClaim
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name must match the name of one entry in pod.spec.resourceClaims of the Pod where this field is used. It makes that resource available inside a container.")]
    public string? Name { get; set; }

    [JsonPropertyName("request")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request.")]
    public string? Request { get; set; }
}
