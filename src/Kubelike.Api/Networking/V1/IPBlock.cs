using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IPBlock describes a particular CIDR (Ex. \"192.168.1.0/24\",\"2001:db8::/64\") that is allowed to the pods matched by a NetworkPolicySpec's podSelector. The except entry describes CIDRs that should not be included within this rule.")]
public class IPBlock
{
    [JsonPropertyName("cidr")]
    [ProtoField(1)]
    [Required]
    [Description("cidr is a string representing the IPBlock Valid examples are \"192.168.1.0/24\" or \"2001:db8::/64\"")]
    public string? Cidr { get; set; }

    [JsonPropertyName("except")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("except is a slice of CIDRs that should not be included within an IPBlock Valid examples are \"192.168.1.0/24\" or \"2001:db8::/64\" Except values will be rejected if they are outside the cidr range")]
    public IList<string>? Except { get; set; }
}
