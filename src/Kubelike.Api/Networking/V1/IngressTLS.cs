using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressTLS describes the transport layer security associated with an ingress.")]
public class IngressTLS
{
    [JsonPropertyName("hosts")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("hosts is a list of hosts included in the TLS certificate. The values in this list must match the name/s used in the tlsSecret. Defaults to the wildcard host setting for the loadbalancer controller fulfilling this Ingress, if left unspecified.")]
    public IList<string>? Hosts { get; set; }

    [JsonPropertyName("secretName")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("secretName is the name of the secret used to terminate TLS traffic on port 443. Field is left optional to allow TLS routing based on SNI hostname alone. If the SNI host in a listener conflicts with the \"Host\" header field used by an IngressRule, the SNI host is used for termination and value of the \"Host\" header is used for routing.")]
    public string? SecretName { get; set; }
}
