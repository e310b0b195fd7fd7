using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response. The Reason field of a Status object defines what attributes will be set. Clients must ignore fields that do not match the defined type of each attribute, and should assume that any attribute may be empty, invalid, or under defined.")]
public class StatusDetails
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).")]
    public string? Name { get; set; }

    [JsonPropertyName("group")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("The group attribute of the resource associated with the status StatusReason.")]
    public string? Group { get; set; }

    [JsonPropertyName("kind")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("UID of the resource. (when there is a single resource which can be described). More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids")]
    public string? Uid { get; set; }

    [JsonPropertyName("causes")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes.")]
    public IList<StatusCause>? Causes { get; set; }

    [JsonPropertyName("retryAfterSeconds")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("If specified, the time in seconds before the operation should be retried. Some errors may indicate the client must take an alternate action - for those errors this field may indicate how long to wait before taking the alternate action.")]
    public int? RetryAfterSeconds { get; set; }
}
