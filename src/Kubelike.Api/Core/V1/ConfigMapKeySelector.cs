using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Selects a key from a ConfigMap.")]
[StructType("atomic")]
[ProtoEmbeddedBase(1)]
public class ConfigMapKeySelector : LocalObjectReference
{
    [JsonPropertyName("key")]
    [ProtoField(2)]
    [Required]
    [Description("The key to select.")]
    public string? Key { get; set; }

    [JsonPropertyName("optional")]
    [ProtoField(3)]
    [Description("Specify whether the ConfigMap or its key must be defined")]
    public bool? Optional { get; set; }
}
