using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents an NFS mount that lasts the lifetime of a pod. NFS volumes do not support ownership management or SELinux relabeling.")]
public class NFSVolumeSource
{
    [JsonPropertyName("server")]
    [ProtoField(1)]
    [Required]
    [Description("server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")]
    public string? Server { get; set; }

    [JsonPropertyName("path")]
    [ProtoField(2)]
    [Required]
    [Description("path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")]
    public string? Path { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")]
    public bool? ReadOnly { get; set; }
}
