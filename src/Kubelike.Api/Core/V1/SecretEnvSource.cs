using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SecretEnvSource selects a Secret to populate the environment variables with.\n\nThe contents of the target Secret's Data field will represent the key-value pairs as environment variables.")]
[ProtoEmbeddedBase(1)]
public class SecretEnvSource : LocalObjectReference
{
    [JsonPropertyName("optional")]
    [ProtoField(2)]
    [Description("Specify whether the Secret must be defined")]
    public bool? Optional { get; set; }
}
