using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.")]
[KubernetesKind("", "v1", "Event")]
public class Event : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Required]
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("involvedObject")]
    [ProtoField(2)]
    [Required]
    [Description("The object that this event is about.")]
    public ObjectReference? InvolvedObject { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("This should be a short, machine understandable string that gives the reason for the transition into the object's current status.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("A human-readable description of the status of this operation.")]
    public string? Message { get; set; }

    [JsonPropertyName("source")]
    [ProtoField(5)]
    [Description("The component reporting this event. Should be a short machine understandable string.")]
    public EventSource? Source { get; set; }

    [JsonPropertyName("firstTimestamp")]
    [ProtoField(6)]
    [Description("The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)")]
    public Time? FirstTimestamp { get; set; }

    [JsonPropertyName("lastTimestamp")]
    [ProtoField(7)]
    [Description("The time at which the most recent occurrence of this event was recorded.")]
    public Time? LastTimestamp { get; set; }

    [JsonPropertyName("count")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("The number of times this event has occurred.")]
    public int? Count { get; set; }

    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(9)]
    [Description("Type of this event (Normal, Warning), new types could be added in the future")]
    public string? Type { get; set; }

    [JsonPropertyName("eventTime")]
    [ProtoField(10)]
    [Description("Time when this Event was first observed.")]
    public MicroTime? EventTime { get; set; }

    [JsonPropertyName("series")]
    [ProtoField(11)]
    [Description("Data about the Event series this event represents or nil if it's a singleton Event.")]
    public EventSeries? Series { get; set; }

    [JsonPropertyName("action")]
    [OmitEmpty]
    [ProtoField(12)]
    [Description("What action was taken/failed regarding to the Regarding object.")]
    public string? Action { get; set; }

    [JsonPropertyName("related")]
    [ProtoField(13)]
    [Description("Optional secondary object for more complex actions.")]
    public ObjectReference? Related { get; set; }

    [JsonPropertyName("reportingComponent")]
    [ProtoField(14)]
    [Description("Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.")]
    public string? ReportingComponent { get; set; }

    [JsonPropertyName("reportingInstance")]
    [ProtoField(15)]
    [Description("ID of the controller instance, e.g. `kubelet-xyzf`.")]
    public string? ReportingInstance { get; set; }
}
