using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("AzureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.")]
public class AzureDiskVolumeSource
{
    [JsonPropertyName("diskName")]
    [ProtoField(1)]
    [Required]
    [Description("diskName is the Name of the data disk in the blob storage")]
    public string? DiskName { get; set; }

    [JsonPropertyName("diskURI")]
    [ProtoField(2)]
    [Required]
    [Description("diskURI is the URI of data disk in the blob storage")]
    public string? DiskURI { get; set; }

    [JsonPropertyName("cachingMode")]
    [ProtoField(3)]
    [EnumValues("None", "ReadOnly", "ReadWrite")]
    [Description("cachingMode is the Host Caching mode: None, Read Only, Read Write.")]
    public string? CachingMode { get; set; }

    [JsonPropertyName("fsType")]
    [ProtoField(4)]
    [Description("fsType is Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [ProtoField(5)]
    [Description("readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("kind")]
    [ProtoField(6)]
    [EnumValues("Shared", "Dedicated", "Managed")]
    [Description("kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared")]
    public string? Kind { get; set; }
}
