using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node. This API is deprecated since 1.22: https://git.k8s.io/enhancements/keps/sig-node/281-dynamic-kubelet-configuration")]
public class ConfigMapNodeConfigSource
{
    [JsonPropertyName("namespace")]
    [ProtoField(1)]
    [Required]
    [Description("Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases.")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(2)]
    [Required]
    [Description("Name is the metadata.name of the referenced ConfigMap. This field is required in all cases.")]
    public string? Name { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")]
    public string? Uid { get; set; }

    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")]
    public string? ResourceVersion { get; set; }

    [JsonPropertyName("kubeletConfigKey")]
    [ProtoField(5)]
    [Required]
    [Description("KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.")]
    public string? KubeletConfigKey { get; set; }
}
