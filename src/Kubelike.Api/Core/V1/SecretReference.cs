using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SecretReference represents a Secret Reference. It has enough information to retrieve secret in any namespace")]
[StructType("atomic")]
public class SecretReference
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("name is unique within a namespace to reference a secret resource.")]
    public string? Name { get; set; }

    [JsonPropertyName("namespace")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("namespace defines the space within which the secret name must be unique.")]
    public string? Namespace { get; set; }
}
