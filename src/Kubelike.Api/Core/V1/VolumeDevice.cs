using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("volumeDevice describes a mapping of a raw block device within a container.")]
public class VolumeDevice
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name must match the name of a persistentVolumeClaim in the pod")]
    public string? Name { get; set; }

    [JsonPropertyName("devicePath")]
    [ProtoField(2)]
    [Required]
    [Description("devicePath is the path inside of the container that the device will be mapped to.")]
    public string? DevicePath { get; set; }
}
