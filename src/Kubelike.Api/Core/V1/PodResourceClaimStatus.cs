using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim which references a ResourceClaimTemplate. It stores the generated name for the corresponding ResourceClaim.")]
public class PodResourceClaimStatus
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name uniquely identifies this resource claim inside the pod. This must match the name of an entry in pod.spec.resourceClaims, which implies that the string must be a DNS_LABEL.")]
    public string? Name { get; set; }

    [JsonPropertyName("resourceClaimName")]
    [ProtoField(2)]
    [Description("ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod. If this is unset, then generating a ResourceClaim was not necessary. The pod.spec.resourceClaims entry can be ignored in this case.")]
    public string? ResourceClaimName { get; set; }
}
