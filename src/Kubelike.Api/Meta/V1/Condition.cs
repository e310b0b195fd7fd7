using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("Condition contains details for one aspect of the current state of this API Resource.")]
public class Condition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("type of condition in CamelCase or in foo.example.com/CamelCase.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("observedGeneration")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("observedGeneration represents the .metadata.generation that the condition was set based upon. For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date with respect to the current state of the instance.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [ProtoField(4)]
    [Required]
    [Description("lastTransitionTime is the last time the condition transitioned from one status to another. This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.")]
    public Time? LastTransitionTime { get; set; }

    [JsonPropertyName("reason")]
    [ProtoField(5)]
    [Required]
    [Description("reason contains a programmatic identifier indicating the reason for the condition's last transition. Producers of specific condition types may define expected values and meanings for this field, and whether the values are considered a guaranteed API. The value should be a CamelCase string. This field may not be empty.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [ProtoField(6)]
    [Required]
    [Description("message is a human readable message indicating details about the transition. This may be an empty string.")]
    public string? Message { get; set; }
}
