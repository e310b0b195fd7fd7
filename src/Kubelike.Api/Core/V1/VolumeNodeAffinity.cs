using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("VolumeNodeAffinity defines constraints that limit what nodes this volume can be accessed from.")]
public class VolumeNodeAffinity
{
    [JsonPropertyName("required")]
    [ProtoField(1)]
    [Description("required specifies hard node constraints that must be met.")]
    public NodeSelector? Required { get; set; }
}
