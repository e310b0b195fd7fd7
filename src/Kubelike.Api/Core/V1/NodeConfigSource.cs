using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22")]
public class NodeConfigSource
{
    [JsonPropertyName("configMap")]
    [ProtoField(2)]
    [Description("ConfigMap is a reference to a Node's ConfigMap")]
    public ConfigMapNodeConfigSource? ConfigMap { get; set; }
}
