using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("HTTPHeader describes a custom header to be used in HTTP probes")]
public class HTTPHeader
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.")]
    public string? Name { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Required]
    [Description("The header field value")]
    public string? Value { get; set; }
}
