using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents downward API info for projecting into a projected volume. Note that this is identical to a downwardAPI volume source without the default mode.")]
public class DownwardAPIProjection
{
    [JsonPropertyName("items")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Items is a list of DownwardAPIVolume file")]
    public IList<DownwardAPIVolumeFile>? Items { get; set; }
}
