using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EnvFromSource represents the source of a set of ConfigMaps or Secrets")]
public class EnvFromSource
{
    [JsonPropertyName("prefix")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Optional text to prepend to the name of each environment variable. Must be a C_IDENTIFIER.")]
    public string? Prefix { get; set; }

    [JsonPropertyName("configMapRef")]
    [ProtoField(2)]
    [Description("The ConfigMap to select from")]
    public ConfigMapEnvSource? ConfigMapRef { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(3)]
    [Description("The Secret to select from")]
    public SecretEnvSource? SecretRef { get; set; }
}
