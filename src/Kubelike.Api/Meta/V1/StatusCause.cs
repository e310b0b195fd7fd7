using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.")]
public class StatusCause
{
    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("A machine-readable description of the cause of the error. If this value is empty there is no information available.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("A human-readable description of the cause of the error.  This field may be presented as-is to a reader.")]
    public string? Message { get; set; }

    [JsonPropertyName("field")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("The field of the resource that has caused this error, as named by its JSON serialization. May include dot and postfix notation for nested attributes. Arrays are zero-indexed.  Fields may appear more than once in an array of causes due to fields having multiple errors. Optional.\n\nExamples:\n  \"name\" - the field \"name\" on the current resource\n  \"items[0].name\" - the field \"name\" on the first array entry in \"items\"")]
    public string? Field { get; set; }
}
