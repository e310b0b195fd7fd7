using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Flocker volume mounted by the Flocker agent. One and only one of datasetName and datasetUUID should be set. Flocker volumes do not support ownership management or SELinux relabeling.")]
public class FlockerVolumeSource
{
    [JsonPropertyName("datasetName")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated")]
    public string? DatasetName { get; set; }

    [JsonPropertyName("datasetUUID")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset")]
    public string? DatasetUUID { get; set; }
}
