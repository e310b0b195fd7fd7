using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.")]
public class GlusterfsPersistentVolumeSource
{
    [JsonPropertyName("endpoints")]
    [ProtoField(1)]
    [Required]
    [Description("endpoints is the endpoint name that details Glusterfs topology. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")]
    public string? Endpoints { get; set; }

    [JsonPropertyName("path")]
    [ProtoField(2)]
    [Required]
    [Description("path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")]
    public string? Path { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("endpointsNamespace")]
    [ProtoField(4)]
    [Description("endpointsNamespace is the namespace that contains Glusterfs endpoint. If this field is empty, the EndpointNamespace defaults to the same namespace as the bound PVC. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")]
    public string? EndpointsNamespace { get; set; }
}
