using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Adds and removes POSIX capabilities from running containers.")]
public class Capabilities
{
    [JsonPropertyName("add")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Added capabilities")]
    public IList<string>? Add { get; set; }

    [JsonPropertyName("drop")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("Removed capabilities")]
    public IList<string>? Drop { get; set; }
}
