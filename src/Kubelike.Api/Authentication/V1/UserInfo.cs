using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authentication.V1;

[Description("UserInfo holds the information about the user needed to implement the user.Info interface.")]
public class UserInfo
{
    [JsonPropertyName("username")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("The name that uniquely identifies this user among all active users.")]
    public string? Username { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("A unique value that identifies this user across time. If this user is deleted and another user by the same name is added, they will have different UIDs.")]
    public string? Uid { get; set; }

    [JsonPropertyName("groups")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("The names of groups this user is a part of.")]
    public IList<string>? Groups { get; set; }

    [JsonPropertyName("extra")]
    [ProtoField(4)]
    [ProtoWrappedList]
    [Description("Any additional information provided by the authenticator.")]
    public IDictionary<string, IList<string>>? Extra { get; set; }
}
