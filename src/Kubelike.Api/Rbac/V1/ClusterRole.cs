using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.")]
[KubernetesKind("rbac.authorization.k8s.io", "v1", "ClusterRole")]
public class ClusterRole : IKubernetesObject
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

    [JsonPropertyName("rules")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("Rules holds all the PolicyRules for this ClusterRole")]
    public IList<PolicyRule>? Rules { get; set; }

    [JsonPropertyName("aggregationRule")]
    [ProtoField(3)]
    [Description("AggregationRule is an optional field that describes how to build the Rules for this ClusterRole. If AggregationRule is set, then the Rules are controller managed and direct changes to Rules will be stomped by the controller.")]
    public AggregationRule? AggregationRule { get; set; }
}
