using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a projected volume source")]
public class ProjectedVolumeSource
{
    [JsonPropertyName("sources")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("sources is the list of volume projections. Each entry in this list handles one source.")]
    public IList<VolumeProjection>? Sources { get; set; }

    [JsonPropertyName("defaultMode")]
    [ProtoField(2)]
    [Description("defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")]
    public int? DefaultMode { get; set; }
}
