using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressServiceBackend references a Kubernetes Service as a Backend.")]
public class IngressServiceBackend
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the referenced service. The service must exist in the same namespace as the Ingress object.")]
    public string? Name { get; set; }

    [JsonPropertyName("port")]
    [ProtoField(2)]
    [Description("port of the referenced service. A port name or port number is required for a IngressServiceBackend.")]
    public ServiceBackendPort? Port { get; set; }
}
