using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeRuntimeHandler is a set of runtime handler information.")]
public class NodeRuntimeHandler
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Description("Runtime handler name. Empty for the default runtime handler.")]
    public string? Name { get; set; }

    [JsonPropertyName("features")]
    [ProtoField(2)]
    [Description("Supported features.")]
    public NodeRuntimeHandlerFeatures? Features { get; set; }
}
