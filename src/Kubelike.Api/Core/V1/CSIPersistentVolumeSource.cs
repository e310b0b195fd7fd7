using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents storage that is managed by an external CSI volume driver")]
public class CSIPersistentVolumeSource
{
    [JsonPropertyName("driver")]
    [ProtoField(1)]
    [Required]
    [Description("driver is the name of the driver to use for this volume. Required.")]
    public string? Driver { get; set; }

    [JsonPropertyName("volumeHandle")]
    [ProtoField(2)]
    [Required]
    [Description("volumeHandle is the unique volume name returned by the CSI volume plugin’s CreateVolume to refer to the volume on all subsequent calls. Required.")]
    public string? VolumeHandle { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly value to pass to ControllerPublishVolumeRequest. Defaults to false (read/write).")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("fsType to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\".")]
    public string? FsType { get; set; }

    [JsonPropertyName("volumeAttributes")]
    [ProtoField(5)]
    [Description("volumeAttributes of the volume to publish.")]
    public IDictionary<string, string>? VolumeAttributes { get; set; }

    [JsonPropertyName("controllerPublishSecretRef")]
    [ProtoField(6)]
    [Description("controllerPublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerPublishVolume and ControllerUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.")]
    public SecretReference? ControllerPublishSecretRef { get; set; }

    [JsonPropertyName("nodeStageSecretRef")]
    [ProtoField(7)]
    [Description("nodeStageSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeStageVolume and NodeStageVolume and NodeUnstageVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.")]
    public SecretReference? NodeStageSecretRef { get; set; }

    [JsonPropertyName("nodePublishSecretRef")]
    [ProtoField(8)]
    [Description("nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.")]
    public SecretReference? NodePublishSecretRef { get; set; }

    [JsonPropertyName("controllerExpandSecretRef")]
    [ProtoField(9)]
    [Description("controllerExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerExpandVolume call. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.")]
    public SecretReference? ControllerExpandSecretRef { get; set; }

    [JsonPropertyName("nodeExpandSecretRef")]
    [ProtoField(10)]
    [Description("nodeExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeExpandVolume call. This field is optional, may be omitted if no secret is required. If the secret object contains more than one secret, all secrets are passed.")]
    public SecretReference? NodeExpandSecretRef { get; set; }
}
