using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.")]
public class StatefulSetUpdateStrategy
{
    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("RollingUpdate", "OnDelete")]
    [Description("Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.")]
    public string? Type { get; set; }

    [JsonPropertyName("rollingUpdate")]
    [ProtoField(2)]
    [Description("RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.")]
    public RollingUpdateStatefulSetStrategy? RollingUpdate { get; set; }
}
