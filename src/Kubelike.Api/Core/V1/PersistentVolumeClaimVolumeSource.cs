using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace. This volume finds the bound PV and mounts that volume for the pod. A PersistentVolumeClaimVolumeSource is, essentially, a wrapper around another type of volume that is owned by someone else (the system).")]
public class PersistentVolumeClaimVolumeSource
{
    [JsonPropertyName("claimName")]
    [ProtoField(1)]
    [Required]
    [Description("claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")]
    public string? ClaimName { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("readOnly Will force the ReadOnly setting in VolumeMounts. Default false.")]
    public bool? ReadOnly { get; set; }
}
