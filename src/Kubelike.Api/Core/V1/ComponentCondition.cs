using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Information about the condition of a component.")]
public class ComponentCondition
{
    [JsonPropertyName("type")]
    [ProtoField(1)]
    [Required]
    [Description("Type of condition for a component. Valid value: \"Healthy\"")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(2)]
    [Required]
    [Description("Status of the condition for a component. Valid values for \"Healthy\": \"True\", \"False\", or \"Unknown\".")]
    public string? Status { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Message about the condition for a component. For example, information about a health check.")]
    public string? Message { get; set; }

    [JsonPropertyName("error")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Condition error code for a component. For example, a health check error code.")]
    public string? Error { get; set; }
}
