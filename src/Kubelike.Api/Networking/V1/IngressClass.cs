using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressClass represents the class of the Ingress, referenced by the Ingress Spec. The `ingressclass.kubernetes.io/is-default-class` annotation can be used to indicate that an IngressClass should be considered default. When a single IngressClass resource has this annotation set to true, new Ingress resources without a class specified will be assigned this default class.")]
[KubernetesKind("networking.k8s.io", "v1", "IngressClass")]
public class IngressClass : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [ProtoField(2)]
    [Description("spec is the desired state of the IngressClass. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public IngressClassSpec? Spec { get; set; }
}
