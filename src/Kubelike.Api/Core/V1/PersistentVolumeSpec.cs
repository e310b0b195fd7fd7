using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeSpec is the specification of a persistent volume.")]
[ProtoEmbeddedBase(2)]
public class PersistentVolumeSpec : PersistentVolumeSource
{
    [JsonPropertyName("capacity")]
    [ProtoField(1)]
    [Description("capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity")]
    public IDictionary<string, Quantity>? Capacity { get; set; }

    [JsonPropertyName("accessModes")]
    [ProtoField(3)]
    [ListType("atomic")]
    [EnumValues("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")]
    [Description("accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes")]
    public IList<string>? AccessModes { get; set; }

    [JsonPropertyName("claimRef")]
    [ProtoField(4)]
    [StructType("granular")]
    [Description("claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding")]
    public ObjectReference? ClaimRef { get; set; }

    [JsonPropertyName("persistentVolumeReclaimPolicy")]
    [OmitEmpty]
    [ProtoField(5)]
    [EnumValues("Recycle", "Delete", "Retain")]
    [Description("persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming")]
    public string? PersistentVolumeReclaimPolicy { get; set; }

    [JsonPropertyName("storageClassName")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("storageClassName is the name of StorageClass to which this persistent volume belongs. Empty value means that this volume does not belong to any StorageClass.")]
    public string? StorageClassName { get; set; }

    [JsonPropertyName("mountOptions")]
    [ProtoField(7)]
    [ListType("atomic")]
    [Description("mountOptions is the list of mount options, e.g. [\"ro\", \"soft\"]. Not validated - mount will simply fail if one is invalid. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes/#mount-options")]
    public IList<string>? MountOptions { get; set; }

    [JsonPropertyName("volumeMode")]
    [ProtoField(8)]
    [EnumValues("Block", "Filesystem")]
    [Description("volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.")]
    public string? VolumeMode { get; set; }

    [JsonPropertyName("nodeAffinity")]
    [ProtoField(9)]
    [Description("nodeAffinity defines constraints that limit what nodes this volume can be accessed from. This field influences the scheduling of pods that use this volume.")]
    public VolumeNodeAffinity? NodeAffinity { get; set; }

    [JsonPropertyName("volumeAttributesClassName")]
    [ProtoField(10)]
    [Description("Name of VolumeAttributesClass to which this persistent volume belongs. Empty value is not allowed. When this field is not set, it indicates that this volume does not belong to any VolumeAttributesClass. This field is mutable and can be changed by the CSI driver after a volume has been updated successfully to a new class. For an unbound PersistentVolume, the volumeAttributesClassName will be matched with unbound PersistentVolumeClaims during the binding process. This is a beta field and requires enabling VolumeAttributesClass feature (off by default).")]
    public string? VolumeAttributesClassName { get; set; }
}
