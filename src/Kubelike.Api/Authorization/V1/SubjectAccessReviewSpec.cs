using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("SubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set")]
public class SubjectAccessReviewSpec
{
    [JsonPropertyName("resourceAttributes")]
    [ProtoField(1)]
    [Description("ResourceAuthorizationAttributes describes information for a resource access request")]
    public ResourceAttributes? ResourceAttributes { get; set; }

    [JsonPropertyName("nonResourceAttributes")]
    [ProtoField(2)]
    [Description("NonResourceAttributes describes information for a non-resource access request")]
    public NonResourceAttributes? NonResourceAttributes { get; set; }

    [JsonPropertyName("user")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("User is the user you're testing for. If you specify \"User\" but not \"Groups\", then is it interpreted as \"What if User were not a member of any groups")]
    public string? User { get; set; }

    [JsonPropertyName("groups")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("Groups is the groups you're testing for.")]
    public IList<string>? Groups { get; set; }

    [JsonPropertyName("extra")]
    [ProtoField(5)]
    [ProtoWrappedList]
    [Description("Extra corresponds to the user.Info.GetExtra() method from the authenticator.  Since that is input to the authorizer it needs a reflection here.")]
    public IDictionary<string, IList<string>>? Extra { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("UID information about the requesting user.")]
    public string? Uid { get; set; }
}
