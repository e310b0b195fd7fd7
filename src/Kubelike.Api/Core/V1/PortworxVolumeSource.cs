using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PortworxVolumeSource represents a Portworx volume resource.")]
public class PortworxVolumeSource
{
    [JsonPropertyName("volumeID")]
    [ProtoField(1)]
    [Required]
    [Description("volumeID uniquely identifies a Portworx volume")]
    public string? VolumeID { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }
}
