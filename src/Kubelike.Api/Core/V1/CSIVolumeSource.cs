using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a source location of a volume to mount, managed by an external CSI driver")]
public class CSIVolumeSource
{
    [JsonPropertyName("driver")]
    [ProtoField(1)]
    [Required]
    [Description("driver is the name of the CSI driver that handles this volume. Consult with your admin for the correct name as registered in the cluster.")]
    public string? Driver { get; set; }

    [JsonPropertyName("readOnly")]
    [ProtoField(2)]
    [Description("readOnly specifies a read-only configuration for the volume. Defaults to false (read/write).")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("fsType")]
    [ProtoField(3)]
    [Description("fsType to mount. Ex. \"ext4\", \"xfs\", \"ntfs\". If not provided, the empty value is passed to the associated CSI driver which will determine the default filesystem to apply.")]
    public string? FsType { get; set; }

    [JsonPropertyName("volumeAttributes")]
    [ProtoField(4)]
    [Description("volumeAttributes stores driver-specific properties that are passed to the CSI driver. Consult your driver's documentation for supported values.")]
    public IDictionary<string, string>? VolumeAttributes { get; set; }

    [JsonPropertyName("nodePublishSecretRef")]
    [ProtoField(5)]
    [Description("nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and  may be empty if no secret is required. If the secret object contains more than one secret, all secret references are passed.")]
    public LocalObjectReference? NodePublishSecretRef { get; set; }
}
