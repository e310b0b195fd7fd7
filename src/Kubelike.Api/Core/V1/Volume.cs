using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Volume represents a named volume in a pod that may be accessed by any container in the pod.")]
[ProtoEmbeddedBase(2)]
public class Volume : VolumeSource
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")]
    public string? Name { get; set; }
}
