using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.\n\nThe contents of the target ConfigMap's Data field will represent the key-value pairs as environment variables.")]
[ProtoEmbeddedBase(1)]
public class ConfigMapEnvSource : LocalObjectReference
{
    [JsonPropertyName("optional")]
    [ProtoField(2)]
    [Description("Specify whether the ConfigMap must be defined")]
    public bool? Optional { get; set; }
}
