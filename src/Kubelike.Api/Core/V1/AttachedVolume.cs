using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("AttachedVolume describes a volume attached to a node")]
public class AttachedVolume
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name of the attached volume")]
    public string? Name { get; set; }

    [JsonPropertyName("devicePath")]
    [ProtoField(2)]
    [Required]
    [Description("DevicePath represents the device path where the volume should be available")]
    public string? DevicePath { get; set; }
}
