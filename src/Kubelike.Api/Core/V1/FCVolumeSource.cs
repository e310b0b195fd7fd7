using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Fibre Channel volume. Fibre Channel volumes can only be mounted as read/write once. Fibre Channel volumes support ownership management and SELinux relabeling.")]
public class FCVolumeSource
{
    [JsonPropertyName("targetWWNs")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("targetWWNs is Optional: FC target worldwide names (WWNs)")]
    public IList<string>? TargetWWNs { get; set; }

    [JsonPropertyName("lun")]
    [ProtoField(2)]
    [Description("lun is Optional: FC target lun number")]
    public int? Lun { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("wwids")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously.")]
    public IList<string>? Wwids { get; set; }
}
