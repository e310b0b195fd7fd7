using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("FlexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin.")]
public class FlexVolumeSource
{
    [JsonPropertyName("driver")]
    [ProtoField(1)]
    [Required]
    [Description("driver is the name of the driver to use for this volume.")]
    public string? Driver { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default filesystem depends on FlexVolume script.")]
    public string? FsType { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(3)]
    [Description("secretRef is Optional: secretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts.")]
    public LocalObjectReference? SecretRef { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("options")]
    [ProtoField(5)]
    [Description("options is Optional: this field holds extra command options if any.")]
    public IDictionary<string, string>? Options { get; set; }
}
