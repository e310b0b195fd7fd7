using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SELinuxOptions are the labels to be applied to the container")]
public class SELinuxOptions
{
    [JsonPropertyName("user")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("User is a SELinux user label that applies to the container.")]
    public string? User { get; set; }

    [JsonPropertyName("role")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Role is a SELinux role label that applies to the container.")]
    public string? Role { get; set; }

    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Type is a SELinux type label that applies to the container.")]
    public string? Type { get; set; }

    [JsonPropertyName("level")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Level is SELinux level label that applies to the container.")]
    public string? Level { get; set; }
}
