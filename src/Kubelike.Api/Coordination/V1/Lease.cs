using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Coordination.V1;

[Description("Lease defines a lease concept.")]
[KubernetesKind("coordination.k8s.io", "v1", "Lease")]
public class Lease : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [ProtoField(2)]
    [Description("spec contains the specification of the Lease. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public LeaseSpec? Spec { get; set; }
}
