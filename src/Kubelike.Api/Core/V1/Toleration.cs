using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.")]
public class Toleration
{
    [JsonPropertyName("key")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.")]
    public string? Key { get; set; }

    [JsonPropertyName("operator")]
    [OmitEmpty]
    [ProtoField(2)]
    [EnumValues("Exists", "Equal")]
    [Description("Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.")]
    public string? Operator { get; set; }

    [JsonPropertyName("value")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.")]
    public string? Value { get; set; }

    [JsonPropertyName("effect")]
    [OmitEmpty]
    [ProtoField(4)]
    [EnumValues("NoSchedule", "PreferNoSchedule", "NoExecute")]
    [Description("Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.")]
    public string? Effect { get; set; }

    [JsonPropertyName("tolerationSeconds")]
    [ProtoField(5)]
    [Description("TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system.")]
    public long? TolerationSeconds { get; set; }
}
