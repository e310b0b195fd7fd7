using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("RoleBindingList is a collection of RoleBindings")]
[KubernetesKind("rbac.authorization.k8s.io", "v1", "RoleBindingList")]
public class RoleBindingList : IKubernetesList<RoleBinding>
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata.")]
    public ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    [ProtoField(2)]
    [Required]
    [Description("Items is a list of RoleBindings")]
    public IList<RoleBinding>? Items { get; set; }
}
