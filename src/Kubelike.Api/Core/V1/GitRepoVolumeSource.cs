using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a volume that is populated with the contents of a git repository. Git repo volumes do not support ownership management. Git repo volumes support SELinux relabeling.\n\nDEPRECATED: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container.")]
public class GitRepoVolumeSource
{
    [JsonPropertyName("repository")]
    [ProtoField(1)]
    [Required]
    [Description("repository is the URL")]
    public string? Repository { get; set; }

    [JsonPropertyName("revision")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("revision is the commit hash for the specified revision.")]
    public string? Revision { get; set; }

    [JsonPropertyName("directory")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("directory is the target directory name. Must not contain or start with '..'.  If '.' is supplied, the volume directory will be the git repository.  Otherwise, if specified, the volume will contain the git repository in the subdirectory with the given name.")]
    public string? Directory { get; set; }
}
