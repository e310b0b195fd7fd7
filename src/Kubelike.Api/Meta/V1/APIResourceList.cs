using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.")]
public class APIResourceList : ITypeMeta
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("groupVersion")]
    [ProtoField(1)]
    [Required]
    [Description("groupVersion is the group and version this APIResourceList is for.")]
    public string? GroupVersion { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(2)]
    [Required]
    [ListType("atomic")]
    [Description("resources contains the name of the resources and if they are namespaced.")]
    public IList<APIResource>? Resources { get; set; }
}
