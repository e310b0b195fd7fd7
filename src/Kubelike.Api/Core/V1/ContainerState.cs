using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.")]
public class ContainerState
{
    [JsonPropertyName("waiting")]
    [ProtoField(1)]
    [Description("Details about a waiting container")]
    public ContainerStateWaiting? Waiting { get; set; }

    [JsonPropertyName("running")]
    [ProtoField(2)]
    [Description("Details about a running container")]
    public ContainerStateRunning? Running { get; set; }

    [JsonPropertyName("terminated")]
    [ProtoField(3)]
    [Description("Details about a terminated container")]
    public ContainerStateTerminated? Terminated { get; set; }
}
