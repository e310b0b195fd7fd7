using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("NetworkPolicyPeer describes a peer to allow traffic to/from. Only certain combinations of fields are allowed")]
public class NetworkPolicyPeer
{
    [JsonPropertyName("podSelector")]
    [ProtoField(1)]
    [Description("podSelector is a label selector which selects pods. This field follows standard label selector semantics; if present but empty, it selects all pods.\n\nIf namespaceSelector is also set, then the NetworkPolicyPeer as a whole selects the pods matching podSelector in the Namespaces selected by NamespaceSelector. Otherwise it selects the pods matching podSelector in the policy's own namespace.")]
    public LabelSelector? PodSelector { get; set; }

    [JsonPropertyName("namespaceSelector")]
    [ProtoField(2)]
    [Description("namespaceSelector selects namespaces using cluster-scoped labels. This field follows standard label selector semantics; if present but empty, it selects all namespaces.\n\nIf podSelector is also set, then the NetworkPolicyPeer as a whole selects the pods matching podSelector in the namespaces selected by namespaceSelector. Otherwise it selects all pods in the namespaces selected by namespaceSelector.")]
    public LabelSelector? NamespaceSelector { get; set; }

    [JsonPropertyName("ipBlock")]
    [ProtoField(3)]
    [Description("ipBlock defines policy on a particular IPBlock. If this field is set then neither of the other fields can be.")]
    public IPBlock? IpBlock { get; set; }
}
