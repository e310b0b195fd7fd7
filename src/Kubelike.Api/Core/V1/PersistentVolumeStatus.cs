using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeStatus is the current status of a persistent volume.")]
public class PersistentVolumeStatus
{
    [JsonPropertyName("phase")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("Pending", "Available", "Bound", "Released", "Failed")]
    [Description("phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("message is a human-readable message indicating details about why the volume is in this state.")]
    public string? Message { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.")]
    public string? Reason { get; set; }

    [JsonPropertyName("lastPhaseTransitionTime")]
    [ProtoField(4)]
    [Description("lastPhaseTransitionTime is the time the phase transitioned from one to another and automatically resets to current time everytime a volume phase transitions.")]
    public Time? LastPhaseTransitionTime { get; set; }
}
