using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Describe a container image")]
public class ContainerImage
{
    [JsonPropertyName("names")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Names by which this image is known. e.g. [\"kubernetes.example/hyperkube:v1.0.7\", \"cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7\"]")]
    public IList<string>? Names { get; set; }

    [JsonPropertyName("sizeBytes")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("The size of the image in bytes.")]
    public long? SizeBytes { get; set; }
}
