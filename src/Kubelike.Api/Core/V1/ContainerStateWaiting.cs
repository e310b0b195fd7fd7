using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerStateWaiting is a waiting state of a container.")]
public class ContainerStateWaiting
{
    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("(brief) reason the container is not yet running.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Message regarding why the container is not yet running.")]
    public string? Message { get; set; }
}
