using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Photon Controller persistent disk resource.")]
public class PhotonPersistentDiskVolumeSource
{
    [JsonPropertyName("pdID")]
    [ProtoField(1)]
    [Required]
    [Description("pdID is the ID that identifies Photon Controller persistent disk")]
    public string? PdID { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }
}
