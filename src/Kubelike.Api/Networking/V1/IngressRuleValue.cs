using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressRuleValue represents a rule to apply against incoming requests. If the rule is satisfied, the request is routed to the specified backend. Currently mixing different types of rules in a single Ingress is disallowed, so exactly one of the following must be set.")]
public class IngressRuleValue
{
    [JsonPropertyName("http")]
    [ProtoField(1)]
    public HTTPIngressRuleValue? Http { get; set; }
}
