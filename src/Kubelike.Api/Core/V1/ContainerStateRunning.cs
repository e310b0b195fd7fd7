using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerStateRunning is a running state of a container.")]
public class ContainerStateRunning
{
    [JsonPropertyName("startedAt")]
    [ProtoField(1)]
    [Description("Time at which the container was last (re-)started")]
    public Time? StartedAt { get; set; }
}
