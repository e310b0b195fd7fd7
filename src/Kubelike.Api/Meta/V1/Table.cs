using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("Table is a tabular representation of a set of API resources. The server transforms the object into a set of preferred columns for quickly reviewing the objects.")]
[NoProtobuf]
public class Table : ITypeMeta
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [Description("Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public ListMeta? Metadata { get; set; }

    [JsonPropertyName("columnDefinitions")]
    [Required]
    [ListType("atomic")]
    [Description("columnDefinitions describes each column in the returned items array. The number of cells per row will always match the number of column definitions.")]
    public IList<TableColumnDefinition>? ColumnDefinitions { get; set; }

    [JsonPropertyName("rows")]
    [Required]
    [ListType("atomic")]
    [Description("rows is the list of items in the table.")]
    public IList<TableRow>? Rows { get; set; }
}
