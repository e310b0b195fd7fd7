using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodSchedulingGate is associated to a Pod to guard its scheduling.")]
public class PodSchedulingGate
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name of the scheduling gate. Each scheduling gate must have a unique name field.")]
    public string? Name { get; set; }
}
