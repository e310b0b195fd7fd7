using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("TCPSocketAction describes an action based on opening a socket")]
public class TCPSocketAction
{
    [JsonPropertyName("port")]
    [ProtoField(1)]
    [Required]
    [Description("Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")]
    public IntOrString? Port { get; set; }

    [JsonPropertyName("host")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Optional: Host name to connect to, defaults to the pod IP.")]
    public string? Host { get; set; }
}
