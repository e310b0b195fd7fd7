using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("GroupVersion contains the \"group/version\" and \"version\" string of a version. It is made a struct to keep extensibility.")]
public class GroupVersionForDiscovery
{
    [JsonPropertyName("groupVersion")]
    [ProtoField(1)]
    [Required]
    [Description("groupVersion specifies the API group and version in the form \"group/version\"")]
    public string? GroupVersion { get; set; }

    [JsonPropertyName("version")]
    [ProtoField(2)]
    [Required]
    [Description("version specifies the version in the form of \"version\". This is to save the clients the trouble of splitting the GroupVersion.")]
    public string? Version { get; set; }
}
