using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ScaleIOVolumeSource represents a persistent ScaleIO volume")]
public class ScaleIOVolumeSource
{
    [JsonPropertyName("gateway")]
    [ProtoField(1)]
    [Required]
    [Description("gateway is the host address of the ScaleIO API Gateway.")]
    public string? Gateway { get; set; }

    [JsonPropertyName("system")]
    [ProtoField(2)]
    [Required]
    [Description("system is the name of the storage system as configured in ScaleIO.")]
    public string? System { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(3)]
    [Required]
    [Description("secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail.")]
    public LocalObjectReference? SecretRef { get; set; }

    [JsonPropertyName("sslEnabled")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("sslEnabled Flag enable/disable SSL communication with Gateway, default false")]
    public bool? SslEnabled { get; set; }

    [JsonPropertyName("protectionDomain")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.")]
    public string? ProtectionDomain { get; set; }

    [JsonPropertyName("storagePool")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("storagePool is the ScaleIO Storage Pool associated with the protection domain.")]
    public string? StoragePool { get; set; }

    [JsonPropertyName("storageMode")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned.")]
    public string? StorageMode { get; set; }

    [JsonPropertyName("volumeName")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.")]
    public string? VolumeName { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(9)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Default is \"xfs\".")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(10)]
    [Description("readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }
}
