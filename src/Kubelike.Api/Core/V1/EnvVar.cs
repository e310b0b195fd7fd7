using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EnvVar represents an environment variable present in a Container.")]
public class EnvVar
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name of the environment variable. Must be a C_IDENTIFIER.")]
    public string? Name { get; set; }

    [JsonPropertyName("value")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to \"\".")]
    public string? Value { get; set; }

    [JsonPropertyName("valueFrom")]
    [ProtoField(3)]
    [Description("Source for the environment variable's value. Cannot be used if value is not empty.")]
    public EnvVarSource? ValueFrom { get; set; }
}
