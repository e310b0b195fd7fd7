using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Policy.V1;

[Description("Eviction evicts a pod from its node subject to certain policies and safety constraints. This is a subresource of Pod.  A request to cause such an eviction is created by POSTing to .../pods/<pod name>/evictions.")]
[KubernetesKind("policy", "v1", "Eviction")]
public class Eviction : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("ObjectMeta describes the pod that is being evicted.")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("deleteOptions")]
    [ProtoField(2)]
    [Description("DeleteOptions may be provided")]
    public DeleteOptions? DeleteOptions { get; set; }
}
