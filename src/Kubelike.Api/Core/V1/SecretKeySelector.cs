using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SecretKeySelector selects a key of a Secret.")]
[StructType("atomic")]
[ProtoEmbeddedBase(1)]
public class SecretKeySelector : LocalObjectReference
{
    [JsonPropertyName("key")]
    [ProtoField(2)]
    [Required]
    [Description("The key of the secret to select from.  Must be a valid secret key.")]
    public string? Key { get; set; }

    [JsonPropertyName("optional")]
    [ProtoField(3)]
    [Description("Specify whether the Secret or its key must be defined")]
    public bool? Optional { get; set; }
}
