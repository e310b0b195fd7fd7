using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("VolumeResourceRequirements describes the storage resource requirements for a volume.")]
public class VolumeResourceRequirements
{
    [JsonPropertyName("limits")]
    [ProtoField(1)]
    [Description("Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")]
    public IDictionary<string, Quantity>? Limits { get; set; }

    [JsonPropertyName("requests")]
    [ProtoField(2)]
    [Description("Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")]
    public IDictionary<string, Quantity>? Requests { get; set; }
}
