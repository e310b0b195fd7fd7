using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a vSphere volume resource.")]
public class VsphereVirtualDiskVolumeSource
{
    [JsonPropertyName("volumePath")]
    [ProtoField(1)]
    [Required]
    [Description("volumePath is the path that identifies vSphere volume vmdk")]
    public string? VolumePath { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fsType is filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }

    [JsonPropertyName("storagePolicyName")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("storagePolicyName is the storage Policy Based Management (SPBM) profile name.")]
    public string? StoragePolicyName { get; set; }

    [JsonPropertyName("storagePolicyID")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.")]
    public string? StoragePolicyID { get; set; }
}
