using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerResizePolicy represents resource resize policy for the container.")]
public class ContainerResizePolicy
{
    [JsonPropertyName("resourceName")]
    [ProtoField(1)]
    [Required]
    [Description("Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.")]
    public string? ResourceName { get; set; }

    [JsonPropertyName("restartPolicy")]
    [ProtoField(2)]
    [Required]
    [Description("Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.")]
    public string? RestartPolicy { get; set; }
}
