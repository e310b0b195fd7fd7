using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("APIResource specifies the name of a resource and whether it is namespaced.")]
public class APIResource
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the plural name of the resource.")]
    public string? Name { get; set; }

    [JsonPropertyName("singularName")]
    [ProtoField(6)]
    [Required]
    [Description("singularName is the singular name of the resource.  This allows clients to handle plural and singular opaquely. The singularName is more correct for reporting status on a single item and both singular and plural are allowed from the kubectl CLI interface.")]
    public string? SingularName { get; set; }

    [JsonPropertyName("namespaced")]
    [ProtoField(2)]
    [Required]
    [Description("namespaced indicates if a resource is namespaced or not.")]
    public bool? Namespaced { get; set; }

    [JsonPropertyName("group")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("group is the preferred group of the resource.  Empty implies the group of the containing resource list. For subresources, this may have a different value, for example: Scale\".")]
    public string? Group { get; set; }

    [JsonPropertyName("version")]
    [OmitEmpty]
    [ProtoField(9)]
    [Description("version is the preferred version of the resource.  Empty implies the version of the containing resource list For subresources, this may have a different value, for example: v1 (while inside a v1beta1 version of the core resource's group)\".")]
    public string? Version { get; set; }

    [JsonPropertyName("kind")]
    [ProtoField(3)]
    [Required]
    [Description("kind is the kind for the resource (e.g. 'Foo' is the kind for a resource 'foo')")]
    public string? Kind { get; set; }

    [JsonPropertyName("verbs")]
    [ProtoField(4)]
    [Required]
    [ProtoWrappedList]
    [Description("verbs is a list of supported kube verbs (this includes get, list, watch, create, update, patch, delete, deletecollection, and proxy)")]
    public IList<string>? Verbs { get; set; }

    [JsonPropertyName("shortNames")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("shortNames is a list of suggested short names of the resource.")]
    public IList<string>? ShortNames { get; set; }

    [JsonPropertyName("categories")]
    [ProtoField(7)]
    [ListType("atomic")]
    [Description("categories is a list of the grouped resources this resource belongs to (e.g. 'all')")]
    public IList<string>? Categories { get; set; }

    [JsonPropertyName("storageVersionHash")]
    [OmitEmpty]
    [ProtoField(10)]
    [Description("The hash value of the storage version, the version this resource is converted to when written to the data store. Value must be treated as opaque by clients. Only equality comparison on the value is valid. This is an alpha feature and may change or be removed in the future. The field is populated by the apiserver only if the StorageVersionHash feature gate is enabled. This field will remain optional even if it graduates.")]
    public string? StorageVersionHash { get; set; }
}
