using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.")]
[KubernetesKind("networking.k8s.io", "v1", "Ingress")]
public class Ingress : IKubernetesObject
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
    [Description("spec is the desired state of the Ingress. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public IngressSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(3)]
    [Description("status is the current state of the Ingress. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public IngressStatus? Status { get; set; }
}
