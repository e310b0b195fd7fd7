using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.")]
public class EventSeries
{
    [JsonPropertyName("count")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Number of occurrences in this series up to the last heartbeat time")]
    public int? Count { get; set; }

    [JsonPropertyName("lastObservedTime")]
    [ProtoField(2)]
    [Description("Time of the last occurrence observed")]
    public MicroTime? LastObservedTime { get; set; }
}
