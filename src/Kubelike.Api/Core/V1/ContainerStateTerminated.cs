using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerStateTerminated is a terminated state of a container.")]
public class ContainerStateTerminated
{
    [JsonPropertyName("exitCode")]
    [ProtoField(1)]
    [Required]
    [Description("Exit status from the last termination of the container")]
    public int? ExitCode { get; set; }

    [JsonPropertyName("signal")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Signal from the last termination of the container")]
    public int? Signal { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("(brief) reason from the last termination of the container")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Message regarding the last termination of the container")]
    public string? Message { get; set; }

    [JsonPropertyName("startedAt")]
    [ProtoField(5)]
    [Description("Time at which previous execution of the container started")]
    public Time? StartedAt { get; set; }

    [JsonPropertyName("finishedAt")]
    [ProtoField(6)]
    [Description("Time at which the container last terminated")]
    public Time? FinishedAt { get; set; }

    [JsonPropertyName("containerID")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("Container's ID in the format '<type>://<container_id>'")]
    public string? ContainerID { get; set; }
}
