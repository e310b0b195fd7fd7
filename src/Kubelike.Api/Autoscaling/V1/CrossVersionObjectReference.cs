using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V1;

[Description("CrossVersionObjectReference contains enough information to let you identify the referred resource.")]
[StructType("atomic")]
public class CrossVersionObjectReference
{
    [JsonPropertyName("kind")]
    [ProtoField(1)]
    [Required]
    [Description("kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(2)]
    [Required]
    [Description("name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")]
    public string? Name { get; set; }

    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("apiVersion is the API version of the referent")]
    public string? ApiVersion { get; set; }
}
