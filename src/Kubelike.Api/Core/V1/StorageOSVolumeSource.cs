using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a StorageOS persistent volume resource.")]
public class StorageOSVolumeSource
{
    [JsonPropertyName("volumeName")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.")]
    public string? VolumeName { get; set; }

    [JsonPropertyName("volumeNamespace")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod's namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to \"default\" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created.")]
    public string? VolumeNamespace { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(5)]
    [Description("secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted.")]
    public LocalObjectReference? SecretRef { get; set; }
}
