using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Storage.V1;

[Description("StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.\n\nStorageClasses are non-namespaced; the name of the storage class according to etcd is in ObjectMeta.Name.")]
[KubernetesKind("storage.k8s.io", "v1", "StorageClass")]
public class StorageClass : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("provisioner")]
    [ProtoField(2)]
    [Required]
    [Description("provisioner indicates the type of the provisioner.")]
    public string? Provisioner { get; set; }

    [JsonPropertyName("parameters")]
    [ProtoField(3)]
    [Description("parameters holds the parameters for the provisioner that should create volumes of this storage class.")]
    public IDictionary<string, string>? Parameters { get; set; }

    [JsonPropertyName("reclaimPolicy")]
    [ProtoField(4)]
    [EnumValues("Recycle", "Delete", "Retain")]
    [Description("reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.")]
    public string? ReclaimPolicy { get; set; }

    [JsonPropertyName("mountOptions")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class. e.g. [\"ro\", \"soft\"]. Not validated - mount of the PVs will simply fail if one is invalid.")]
    public IList<string>? MountOptions { get; set; }

    [JsonPropertyName("allowVolumeExpansion")]
    [ProtoField(6)]
    [Description("allowVolumeExpansion shows whether the storage class allow volume expand.")]
    public bool? AllowVolumeExpansion { get; set; }

    [JsonPropertyName("volumeBindingMode")]
    [ProtoField(7)]
    [EnumValues("Immediate", "WaitForFirstConsumer")]
    [Description("volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.")]
    public string? VolumeBindingMode { get; set; }

    [JsonPropertyName("allowedTopologies")]
    [ProtoField(8)]
    [ListType("atomic")]
    [Description("allowedTopologies restrict the node topologies where volumes can be dynamically provisioned. Each volume plugin defines its own supported topology specifications. An empty TopologySelectorTerm list means there is no topology restriction. This field is only honored by servers that enable the VolumeScheduling feature.")]
    public IList<TopologySelectorTerm>? AllowedTopologies { get; set; }
}
