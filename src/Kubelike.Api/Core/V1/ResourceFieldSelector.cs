using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ResourceFieldSelector represents container resources (cpu, memory) and their output format")]
[StructType("atomic")]
public class ResourceFieldSelector
{
    [JsonPropertyName("containerName")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Container name: required for volumes, optional for env vars")]
    public string? ContainerName { get; set; }

    [JsonPropertyName("resource")]
    [ProtoField(2)]
    [Required]
    [Description("Required: resource to select")]
    public string? Resource { get; set; }

    [JsonPropertyName("divisor")]
    [ProtoField(3)]
    [Description("Specifies the output format of the exposed resources, defaults to \"1\"")]
    public Quantity? Divisor { get; set; }
}
