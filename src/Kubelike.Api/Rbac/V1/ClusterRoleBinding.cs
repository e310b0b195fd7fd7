using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("ClusterRoleBinding references a ClusterRole, but not contain it.  It can reference a ClusterRole in the global namespace, and adds who information via Subject.")]
[KubernetesKind("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding")]
public class ClusterRoleBinding : IKubernetesObject
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
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("subjects")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("Subjects holds references to the objects the role applies to.")]
    public IList<Subject>? Subjects { get; set; }

    [JsonPropertyName("roleRef")]
    [ProtoField(3)]
    [Required]
    [Description("RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.")]
    public RoleRef? RoleRef { get; set; }
}
