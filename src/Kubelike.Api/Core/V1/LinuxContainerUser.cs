using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("LinuxContainerUser represents user identity information in Linux containers")]
public class LinuxContainerUser
{
    [JsonPropertyName("uid")]
    [ProtoField(1)]
    [Required]
    [Description("UID is the primary uid initially attached to the first process in the container")]
    public long? Uid { get; set; }

    [JsonPropertyName("gid")]
    [ProtoField(2)]
    [Required]
    [Description("GID is the primary gid initially attached to the first process in the container")]
    public long? Gid { get; set; }

    [JsonPropertyName("supplementalGroups")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("SupplementalGroups are the supplemental groups initially attached to the first process in the container")]
    public IList<long>? SupplementalGroups { get; set; }
}
