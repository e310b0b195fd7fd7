using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("Event represents a single event to a watched resource.")]
public class WatchEvent
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    public string? Type { get; set; }

    [JsonPropertyName("object")]
    [ProtoField(2)]
    [Required]
    [Description("Object is:\n * If Type is Added or Modified: the new state of the object.\n * If Type is Deleted: the state of the object immediately before deletion.\n * If Type is Error: *Status is recommended; other types may make sense\n   depending on context.")]
    public JsonNode? Object { get; set; }
}
