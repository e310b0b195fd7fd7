using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("AppArmorProfile defines a pod or container's AppArmor settings.")]
public class AppArmorProfile
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [EnumValues("Unconfined", "RuntimeDefault", "Localhost")]
    [Description("type indicates which kind of AppArmor profile will be applied. Valid options are:\n  Localhost - a profile pre-loaded on the node.\n  RuntimeDefault - the container runtime's default profile.\n  Unconfined - no AppArmor enforcement.")]
    public string? Type { get; set; }

    [JsonPropertyName("localhostProfile")]
    [ProtoField(2)]
    [Description("localhostProfile indicates a profile loaded on the node that should be used. The profile must be preconfigured on the node to work. Must match the loaded name of the profile. Must be set if and only if type is \"Localhost\".")]
    public string? LocalhostProfile { get; set; }
}
