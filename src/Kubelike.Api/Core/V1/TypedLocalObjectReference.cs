using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.")]
[StructType("atomic")]
public class TypedLocalObjectReference
{
    [JsonPropertyName("apiGroup")]
    [ProtoField(1)]
    [Description("APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.")]
    public string? ApiGroup { get; set; }

    [JsonPropertyName("kind")]
    [ProtoField(2)]
    [Required]
    [Description("Kind is the type of resource being referenced")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(3)]
    [Required]
    [Description("Name is the name of resource being referenced")]
    public string? Name { get; set; }
}
