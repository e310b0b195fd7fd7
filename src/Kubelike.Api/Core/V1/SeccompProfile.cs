using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SeccompProfile defines a pod/container's seccomp profile settings. Only one profile source may be set.")]
public class SeccompProfile
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [EnumValues("Unconfined", "RuntimeDefault", "Localhost")]
    [Description("type indicates which kind of seccomp profile will be applied. Valid options are:\n\nLocalhost - a profile defined in a file on the node should be used. RuntimeDefault - the container runtime default profile should be used. Unconfined - no profile should be applied.")]
    public string? Type { get; set; }

    [JsonPropertyName("localhostProfile")]
    [ProtoField(2)]
    [Description("localhostProfile indicates a profile defined in a file on the node should be used. The profile must be preconfigured on the node to work. Must be a descending path, relative to the kubelet's configured seccomp profile location. Must be set if type is \"Localhost\". Must NOT be set for any other type.")]
    public string? LocalhostProfile { get; set; }
}
