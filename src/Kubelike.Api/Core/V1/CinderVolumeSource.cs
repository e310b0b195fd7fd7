using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.")]
public class CinderVolumeSource
{
    [JsonPropertyName("volumeID")]
    [ProtoField(1)]
    [Required]
    [Description("volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")]
    public string? VolumeID { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(4)]
    [Description("secretRef is optional: points to a secret object containing parameters used to connect to OpenStack.")]
    public LocalObjectReference? SecretRef { get; set; }
}
