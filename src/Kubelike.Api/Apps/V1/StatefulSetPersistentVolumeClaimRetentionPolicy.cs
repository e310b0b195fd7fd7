using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.")]
public class StatefulSetPersistentVolumeClaimRetentionPolicy
{
    [JsonPropertyName("whenDeleted")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.")]
    public string? WhenDeleted { get; set; }

    [JsonPropertyName("whenScaled")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.")]
    public string? WhenScaled { get; set; }
}
