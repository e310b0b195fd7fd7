using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Events.V1;

[Description("EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time. How often to update the EventSeries is up to the event reporters. The default event reporter in \"k8s.io/client-go/tools/events/event_broadcaster.go\" shows how this struct is updated on heartbeats and can guide customized reporter implementations.")]
public class EventSeries
{
    [JsonPropertyName("count")]
    [ProtoField(1)]
    [Required]
    [Description("count is the number of occurrences in this series up to the last heartbeat time.")]
    public int? Count { get; set; }

    [JsonPropertyName("lastObservedTime")]
    [ProtoField(2)]
    [Required]
    [Description("lastObservedTime is the time when last Event from the series was seen before last heartbeat.")]
    public MicroTime? LastObservedTime { get; set; }
}
