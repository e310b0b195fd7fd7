using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("DaemonEndpoint contains information about a single Daemon endpoint.")]
public class DaemonEndpoint
{
    [JsonPropertyName("Port")]
    [ProtoField(1)]
    [Required]
    [Description("Port number of the given endpoint.")]
    public int? Port { get; set; }
}
