using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodIP represents a single IP address allocated to the pod.")]
public class PodIP
{
    [JsonPropertyName("ip")]
    [ProtoField(1)]
    [Required]
    [Description("IP is the IP address assigned to the pod")]
    public string? Ip { get; set; }
}
