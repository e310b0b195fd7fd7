using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Sysctl defines a kernel parameter to be set")]
public class Sysctl
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name of a property to set")]
    public string? Name { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Required]
    [Description("Value of a property to set")]
    public string? Value { get; set; }
}
