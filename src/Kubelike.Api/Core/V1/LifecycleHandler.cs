using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LifecycleHandler defines a specific action that should be taken in a lifecycle hook. One and only one of the fields, except TCPSocket must be specified.")]
public class LifecycleHandler
{
    [JsonPropertyName("exec")]
    [ProtoField(1)]
    [Description("Exec specifies a command to execute in the container.")]
    public ExecAction? Exec { get; set; }

    [JsonPropertyName("httpGet")]
    [ProtoField(2)]
    [Description("HTTPGet specifies an HTTP GET request to perform.")]
    public HTTPGetAction? HttpGet { get; set; }

    [JsonPropertyName("tcpSocket")]
    [ProtoField(3)]
    [Description("Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept for backward compatibility. There is no validation of this field and lifecycle hooks will fail at runtime when it is specified.")]
    public TCPSocketAction? TcpSocket { get; set; }

    [JsonPropertyName("sleep")]
    [ProtoField(4)]
    [Description("Sleep represents a duration that the container should sleep.")]
    public SleepAction? Sleep { get; set; }
}
