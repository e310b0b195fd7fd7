using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EventSource contains information for an event.")]
public class EventSource
{
    [JsonPropertyName("component")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Component from which the event is generated.")]
    public string? Component { get; set; }

    [JsonPropertyName("host")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Node name on which the event is generated.")]
    public string? Host { get; set; }
}
