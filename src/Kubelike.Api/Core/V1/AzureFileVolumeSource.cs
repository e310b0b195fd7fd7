using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("AzureFile represents an Azure File Service mount on the host and bind mount to the pod.")]
public class AzureFileVolumeSource
{
    [JsonPropertyName("secretName")]
    [ProtoField(1)]
    [Required]
    [Description("secretName is the  name of secret that contains Azure Storage Account Name and Key")]
    public string? SecretName { get; set; }

    [JsonPropertyName("shareName")]
    [ProtoField(2)]
    [Required]
    [Description("shareName is the azure share Name")]
    public string? ShareName { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")]
    public bool? ReadOnly { get; set; }
}
