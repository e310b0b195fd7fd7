using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Maps a string key to a path within a volume.")]
public class KeyToPath
{
    [JsonPropertyName("key")]
    [ProtoField(1)]
    [Required]
    [Description("key is the key to project.")]
    public string? Key { get; set; }

    [JsonPropertyName("path")]
    [ProtoField(2)]
    [Required]
    [Description("path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'.")]
    public string? Path { get; set; }

    [JsonPropertyName("mode")]
    [ProtoField(3)]
    [Description("mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")]
    public int? Mode { get; set; }
}
