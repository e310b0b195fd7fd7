using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeSwapStatus represents swap memory information.")]
public class NodeSwapStatus
{
    [JsonPropertyName("capacity")]
    [ProtoField(1)]
    [Description("Total amount of swap memory in bytes.")]
    public long? Capacity { get; set; }
}
