using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ModifyVolumeStatus represents the status object of ControllerModifyVolume operation")]
public class ModifyVolumeStatus
{
    [JsonPropertyName("targetVolumeAttributesClassName")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled")]
    public string? TargetVolumeAttributesClassName { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [EnumValues("Pending", "InProgress", "Infeasible")]
    [Description("status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.")]
    public string? Status { get; set; }
}
