using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint.")]
public class Taint
{
    [JsonPropertyName("key")]
    [ProtoField(1)]
    [Required]
    [Description("Required. The taint key to be applied to a node.")]
    public string? Key { get; set; }

    [JsonPropertyName("value")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("The taint value corresponding to the taint key.")]
    public string? Value { get; set; }

    [JsonPropertyName("effect")]
    [ProtoField(3)]
    [Required]
    [EnumValues("NoSchedule", "PreferNoSchedule", "NoExecute")]
    [Description("Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.")]
    public string? Effect { get; set; }

    [JsonPropertyName("timeAdded")]
    [ProtoField(4)]
    [Description("TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints.")]
    public Time? TimeAdded { get; set; }
}
