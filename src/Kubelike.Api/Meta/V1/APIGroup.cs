using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("APIGroup contains the name, the supported versions, and the preferred version of a group.")]
public class APIGroup : ITypeMeta
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("name is the name of the group.")]
    public string? Name { get; set; }

    [JsonPropertyName("versions")]
    [ProtoField(2)]
    [Required]
    [ListType("atomic")]
    [Description("versions are the versions supported in this group.")]
    public IList<GroupVersionForDiscovery>? Versions { get; set; }

    [JsonPropertyName("preferredVersion")]
    [ProtoField(3)]
    [Description("preferredVersion is the version preferred by the API server, which probably is the storage version.")]
    public GroupVersionForDiscovery? PreferredVersion { get; set; }

    [JsonPropertyName("serverAddressByClientCIDRs")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("a map of client CIDR to server address that is serving this group. This is to help clients reach servers in the most network-efficient way possible. Clients can use the appropriate server address as per the CIDR that they match. In case of multiple matches, clients should use the longest matching CIDR. The server returns only those CIDRs that it thinks that the client can match. For example: the master will return an internal IP CIDR only, if the client reaches the server using an internal IP. Server looks at X-Forwarded-For header or X-Real-Ip header or request.RemoteAddr (in that order) to get the client IP.")]
    public IList<ServerAddressByClientCIDR>? ServerAddressByClientCIDRs { get; set; }
}
