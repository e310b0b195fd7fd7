using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressBackend describes all endpoints for a given service and port.")]
public class IngressBackend
{
    [JsonPropertyName("service")]
    [ProtoField(4)]
    [Description("service references a service as a backend. This is a mutually exclusive setting with \"Resource\".")]
    public IngressServiceBackend? Service { get; set; }

    [JsonPropertyName("resource")]
    [ProtoField(3)]
    [Description("resource is an ObjectRef to another Kubernetes resource in the namespace of the Ingress object. If resource is specified, a service.Name and service.Port must not be specified. This is a mutually exclusive setting with \"Service\".")]
    public TypedLocalObjectReference? Resource { get; set; }
}
