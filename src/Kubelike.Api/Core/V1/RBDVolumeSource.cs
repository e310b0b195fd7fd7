using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.")]
public class RBDVolumeSource
{
    [JsonPropertyName("monitors")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public IList<string>? Monitors { get; set; }

    [JsonPropertyName("image")]
    [ProtoField(2)]
    [Required]
    [Description("image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public string? Image { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd")]
    public string? FsType { get; set; }

    [JsonPropertyName("pool")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public string? Pool { get; set; }

    [JsonPropertyName("user")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public string? User { get; set; }

    [JsonPropertyName("keyring")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public string? Keyring { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(7)]
    [Description("secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public LocalObjectReference? SecretRef { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")]
    public bool? ReadOnly { get; set; }
}
