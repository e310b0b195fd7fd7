using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.")]
public class HostAlias
{
    [JsonPropertyName("ip")]
    [ProtoField(1)]
    [Required]
    [Description("IP address of the host file entry.")]
    public string? Ip { get; set; }

    [JsonPropertyName("hostnames")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("Hostnames for the above IP address.")]
    public IList<string>? Hostnames { get; set; }
}
