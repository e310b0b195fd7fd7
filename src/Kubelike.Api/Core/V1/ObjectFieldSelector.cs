using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ObjectFieldSelector selects an APIVersioned field of an object.")]
[StructType("atomic")]
public class ObjectFieldSelector
{
    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Version of the schema the FieldPath is written in terms of, defaults to \"v1\".")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("fieldPath")]
    [ProtoField(2)]
    [Required]
    [Description("Path of the field to select in the specified API version.")]
    public string? FieldPath { get; set; }
}
