using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Local represents directly-attached storage with node affinity")]
public class LocalVolumeSource
{
    [JsonPropertyName("path")]
    [ProtoField(1)]
    [Required]
    [Description("path of the full path to the volume on the node. It can be either a directory or block device (disk, partition, ...).")]
    public string? Path { get; set; }

    [JsonPropertyName("fsType")]
    [ProtoField(2)]
    [Description("fsType is the filesystem type to mount. It applies only when the Path is a block device. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default value is to auto-select a filesystem if unspecified.")]
    public string? FsType { get; set; }
}
