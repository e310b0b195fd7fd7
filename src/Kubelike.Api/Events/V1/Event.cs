using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Events.V1;

[Description("Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system. Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.")]
[KubernetesKind("events.k8s.io", "v1", "Event")]
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
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("eventTime")]
    [ProtoField(2)]
    [Required]
    [Description("eventTime is the time when this Event was first observed. It is required.")]
    public MicroTime? EventTime { get; set; }

    [JsonPropertyName("series")]
    [ProtoField(3)]
    [Description("series is data about the Event series this event represents or nil if it's a singleton Event.")]
    public EventSeries? Series { get; set; }

    [JsonPropertyName("reportingController")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`. This field cannot be empty for new Events.")]
    public string? ReportingController { get; set; }

    [JsonPropertyName("reportingInstance")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`. This field cannot be empty for new Events and it can have at most 128 characters.")]
    public string? ReportingInstance { get; set; }

    [JsonPropertyName("action")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("action is what action was taken/failed regarding to the regarding object. It is machine-readable. This field cannot be empty for new Events and it can have at most 128 characters.")]
    public string? Action { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("reason is why the action was taken. It is human-readable. This field cannot be empty for new Events and it can have at most 128 characters.")]
    public string? Reason { get; set; }

    [JsonPropertyName("regarding")]
    [ProtoField(8)]
    [Description("regarding contains the object this Event is about. In most cases it's an Object reporting controller implements, e.g. ReplicaSetController implements ReplicaSets and this event is emitted because it acts on some changes in a ReplicaSet object.")]
    public ObjectReference? Regarding { get; set; }

    [JsonPropertyName("related")]
    [ProtoField(9)]
    [Description("related is the optional secondary object for more complex actions. E.g. when regarding object triggers a creation or deletion of related object.")]
    public ObjectReference? Related { get; set; }

    [JsonPropertyName("note")]
    [OmitEmpty]
    [ProtoField(10)]
    [Description("note is a human-readable description of the status of this operation. Maximal length of the note is 1kB, but libraries should be prepared to handle values up to 64kB.")]
    public string? Note { get; set; }

    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(11)]
    [Description("type is the type of this event (Normal, Warning), new types could be added in the future. It is machine-readable. This field cannot be empty for new Events.")]
    public string? Type { get; set; }

    [JsonPropertyName("deprecatedSource")]
    [ProtoField(12)]
    [Description("deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type.")]
    public EventSource? DeprecatedSource { get; set; }

    [JsonPropertyName("deprecatedFirstTimestamp")]
    [ProtoField(13)]
    [Description("deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.")]
    public Time? DeprecatedFirstTimestamp { get; set; }

    [JsonPropertyName("deprecatedLastTimestamp")]
    [ProtoField(14)]
    [Description("deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.")]
    public Time? DeprecatedLastTimestamp { get; set; }

    [JsonPropertyName("deprecatedCount")]
    [OmitEmpty]
    [ProtoField(15)]
    [Description("deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type.")]
    public int? DeprecatedCount { get; set; }
}
