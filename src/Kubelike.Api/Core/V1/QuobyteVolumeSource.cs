using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Quobyte mount that lasts the lifetime of a pod. Quobyte volumes do not support ownership management or SELinux relabeling.")]
public class QuobyteVolumeSource
{
    [JsonPropertyName("registry")]
    [ProtoField(1)]
    [Required]
    [Description("registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes")]
    public string? Registry { get; set; }

    [JsonPropertyName("volume")]
    [ProtoField(2)]
    [Required]
    [Description("volume is a string that references an already created Quobyte volume by name.")]
    public string? Volume { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly here will force the Quobyte volume to be mounted with read-only permissions. Defaults to false.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("user")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("user to map volume access to Defaults to serivceaccount user")]
    public string? User { get; set; }

    [JsonPropertyName("group")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("group to map volume access to Default is no group")]
    public string? Group { get; set; }

    [JsonPropertyName("tenant")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin")]
    public string? Tenant { get; set; }
}
