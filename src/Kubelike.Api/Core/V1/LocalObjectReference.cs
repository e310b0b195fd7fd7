using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.")]
[StructType("atomic")]
public class LocalObjectReference
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")]
    public string? Name { get; set; }
}
