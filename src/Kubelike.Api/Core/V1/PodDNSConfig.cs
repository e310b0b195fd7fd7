using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.")]
public class PodDNSConfig
{
    [JsonPropertyName("nameservers")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("A list of DNS name server IP addresses. This will be appended to the base nameservers generated from DNSPolicy. Duplicated nameservers will be removed.")]
    public IList<string>? Nameservers { get; set; }

    [JsonPropertyName("searches")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("A list of DNS search domains for host-name lookup. This will be appended to the base search paths generated from DNSPolicy. Duplicated search paths will be removed.")]
    public IList<string>? Searches { get; set; }

    [JsonPropertyName("options")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("A list of DNS resolver options. This will be merged with the base options generated from DNSPolicy. Duplicated entries will be removed. Resolution options given in Options will override those that appear in the base DNSPolicy.")]
    public IList<PodDNSConfigOption>? Options { get; set; }
}
