using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("Subject contains a reference to the object or user identities a role binding applies to.  This can either hold a direct API object reference, or a value for non-objects such as user and group names.")]
[StructType("atomic")]
public class Subject
{
    [JsonPropertyName("kind")]
    [ProtoField(1)]
    [Required]
    [Description("Kind of object being referenced. Values defined by this API group are \"User\", \"Group\", and \"ServiceAccount\". If the Authorizer does not recognized the kind value, the Authorizer should report an error.")]
    public string? Kind { get; set; }

    [JsonPropertyName("apiGroup")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("APIGroup holds the API group of the referenced subject. Defaults to \"\" for ServiceAccount subjects. Defaults to \"rbac.authorization.k8s.io\" for User and Group subjects.")]
    public string? ApiGroup { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(3)]
    [Required]
    [Description("Name of the object being referenced.")]
    public string? Name { get; set; }

    [JsonPropertyName("namespace")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Namespace of the referenced object.  If the object kind is non-namespace, such as \"User\" or \"Group\", and this value is not empty the Authorizer should report an error.")]
    public string? Namespace { get; set; }
}
