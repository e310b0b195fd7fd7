using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.")]
[StructType("atomic")]
public class OwnerReference
{
    [JsonPropertyName("apiVersion")]
    [ProtoField(5)]
    [Required]
    [Description("API version of the referent.")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [ProtoField(1)]
    [Required]
    [Description("Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(3)]
    [Required]
    [Description("Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names")]
    public string? Name { get; set; }

    [JsonPropertyName("uid")]
    [ProtoField(4)]
    [Required]
    [Description("UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids")]
    public string? Uid { get; set; }

    [JsonPropertyName("controller")]
    [ProtoField(6)]
    [Description("If true, this reference points to the managing controller.")]
    public bool? Controller { get; set; }

    [JsonPropertyName("blockOwnerDeletion")]
    [ProtoField(7)]
    [Description("If true, AND if the owner has the \"foregroundDeletion\" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed. See https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion for how the garbage collector interacts with this field and enforces the foreground deletion. Defaults to false. To set this field, a user needs \"delete\" permission of the owner, otherwise 422 (Unprocessable Entity) will be returned.")]
    public bool? BlockOwnerDeletion { get; set; }
}
