using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.")]
public class DaemonSetUpdateStrategy
{
    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("RollingUpdate", "OnDelete")]
    [Description("Type of daemon set update. Can be \"RollingUpdate\" or \"OnDelete\". Default is RollingUpdate.")]
    public string? Type { get; set; }

    [JsonPropertyName("rollingUpdate")]
    [ProtoField(2)]
    [Description("Rolling update config params. Present only if type = \"RollingUpdate\".")]
    public RollingUpdateDaemonSet? RollingUpdate { get; set; }
}
