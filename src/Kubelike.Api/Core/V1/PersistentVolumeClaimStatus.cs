using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeClaimStatus is the current status of a persistent volume claim.")]
public class PersistentVolumeClaimStatus
{
    [JsonPropertyName("phase")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("Pending", "Bound", "Lost")]
    [Description("phase represents the current phase of PersistentVolumeClaim.")]
    public string? Phase { get; set; }

    [JsonPropertyName("accessModes")]
    [ProtoField(2)]
    [ListType("atomic")]
    [EnumValues("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")]
    [Description("accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1")]
    public IList<string>? AccessModes { get; set; }

    [JsonPropertyName("capacity")]
    [ProtoField(3)]
    [Description("capacity represents the actual resources of the underlying volume.")]
    public IDictionary<string, Quantity>? Capacity { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(4)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'.")]
    public IList<PersistentVolumeClaimCondition>? Conditions { get; set; }

    [JsonPropertyName("allocatedResources")]
    [ProtoField(5)]
    [Description("allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")]
    public IDictionary<string, Quantity>? AllocatedResources { get; set; }

    [JsonPropertyName("allocatedResourceStatuses")]
    [ProtoField(7)]
    [MapType("granular")]
    [Description("allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don't set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeFailed\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizePending\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeFailed\"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")]
    public IDictionary<string, string>? AllocatedResourceStatuses { get; set; }

    [JsonPropertyName("currentVolumeAttributesClassName")]
    [ProtoField(8)]
    [Description("currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim This is a beta field and requires enabling VolumeAttributesClass feature (off by default).")]
    public string? CurrentVolumeAttributesClassName { get; set; }

    [JsonPropertyName("modifyVolumeStatus")]
    [ProtoField(9)]
    [Description("ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted. This is a beta field and requires enabling VolumeAttributesClass feature (off by default).")]
    public ModifyVolumeStatus? ModifyVolumeStatus { get; set; }
}
