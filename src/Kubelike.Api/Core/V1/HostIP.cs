using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("HostIP represents a single IP address allocated to the host.")]
public class HostIP
{
    [JsonPropertyName("ip")]
    [ProtoField(1)]
    [Required]
    [Description("IP is the IP address assigned to the host")]
    public string? Ip { get; set; }
}
