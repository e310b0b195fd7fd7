using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("VolumeMountStatus shows status of volume mounts.")]
public class VolumeMountStatus
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name corresponds to the name of the original VolumeMount.")]
    public string? Name { get; set; }

    [JsonPropertyName("mountPath")]
    [ProtoField(2)]
    [Required]
    [Description("MountPath corresponds to the original VolumeMount.")]
    public string? MountPath { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("ReadOnly corresponds to the original VolumeMount.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("recursiveReadOnly")]
    [ProtoField(4)]
    [Description("RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result.")]
    public string? RecursiveReadOnly { get; set; }
}
