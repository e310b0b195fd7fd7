using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.")]
public class Preconditions
{
    [JsonPropertyName("uid")]
    [ProtoField(1)]
    [Description("Specifies the target UID.")]
    public string? Uid { get; set; }

    [JsonPropertyName("resourceVersion")]
    [ProtoField(2)]
    [Description("Specifies the target ResourceVersion")]
    public string? ResourceVersion { get; set; }
}
