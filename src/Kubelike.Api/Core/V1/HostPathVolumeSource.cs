using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.")]
public class HostPathVolumeSource
{
    [JsonPropertyName("path")]
    [ProtoField(1)]
    [Required]
    [Description("path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")]
    public string? Path { get; set; }

    [JsonPropertyName("type")]
    [ProtoField(2)]
    [EnumValues("", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice")]
    [Description("type for HostPath Volume Defaults to \"\" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")]
    public string? Type { get; set; }
}
