using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeDaemonEndpoints lists ports opened by daemons running on the Node.")]
public class NodeDaemonEndpoints
{
    [JsonPropertyName("kubeletEndpoint")]
    [ProtoField(1)]
    [Description("Endpoint on which Kubelet is listening.")]
    public DaemonEndpoint? KubeletEndpoint { get; set; }
}
