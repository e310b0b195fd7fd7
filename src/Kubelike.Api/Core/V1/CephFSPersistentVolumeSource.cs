using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.")]
public class CephFSPersistentVolumeSource
{
    [JsonPropertyName("monitors")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")]
    public IList<string>? Monitors { get; set; }

    [JsonPropertyName("path")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /")]
    public string? Path { get; set; }

    [JsonPropertyName("user")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("user is Optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")]
    public string? User { get; set; }

    [JsonPropertyName("secretFile")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")]
    public string? SecretFile { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(5)]
    [Description("secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")]
    public SecretReference? SecretRef { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")]
    public bool? ReadOnly { get; set; }
}
