using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("TableRowCondition allows a row to be marked with additional information.")]
[NoProtobuf]
public class TableRowCondition
{
    [JsonPropertyName("type")]
    [Required]
    [Description("Type of row condition. The only defined value is 'Completed' indicating that the object this row represents has reached a completed state and may be given less visual priority than other rows. Clients are not required to honor any conditions but should be consistent where possible about handling the conditions.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [Required]
    [Description("Status of the condition, one of True, False, Unknown.")]
    public string? Status { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [Description("(brief) machine readable reason for the condition's last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [Description("Human readable message indicating details about last transition.")]
    public string? Message { get; set; }
}
