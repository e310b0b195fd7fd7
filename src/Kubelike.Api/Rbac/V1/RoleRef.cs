using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("RoleRef contains information that points to the role being used")]
[StructType("atomic")]
public class RoleRef
{
    [JsonPropertyName("apiGroup")]
    [ProtoField(1)]
    [Required]
    [Description("APIGroup is the group for the resource being referenced")]
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
