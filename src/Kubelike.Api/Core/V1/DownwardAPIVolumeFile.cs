using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("DownwardAPIVolumeFile represents information to create the file containing the pod field")]
public class DownwardAPIVolumeFile
{
    [JsonPropertyName("path")]
    [ProtoField(1)]
    [Required]
    [Description("Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'")]
    public string? Path { get; set; }

    [JsonPropertyName("fieldRef")]
    [ProtoField(2)]
    [Description("Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported.")]
    public ObjectFieldSelector? FieldRef { get; set; }

    [JsonPropertyName("resourceFieldRef")]
    [ProtoField(3)]
    [Description("Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported.")]
    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [JsonPropertyName("mode")]
    [ProtoField(4)]
    [Description("Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")]
    public int? Mode { get; set; }
}
