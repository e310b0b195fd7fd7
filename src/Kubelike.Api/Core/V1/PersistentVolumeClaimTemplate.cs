using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeClaimTemplate is used to produce PersistentVolumeClaim objects as part of an EphemeralVolumeSource.")]
public class PersistentVolumeClaimTemplate
{
    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("May contain labels and annotations that will be copied into the PVC when creating it. No other fields are allowed and will be rejected during validation.")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [ProtoField(2)]
    [Required]
    [Description("The specification for the PersistentVolumeClaim. The entire content is copied unchanged into the PVC that gets created from this template. The same fields as in a PersistentVolumeClaim are also valid here.")]
    public PersistentVolumeClaimSpec? Spec { get; set; }
}
