using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>A kubeconfig file as written on disk (<c>apiVersion: v1</c>, <c>kind: Config</c>).</summary>
public sealed class KubeconfigDocument
{
    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }

    [YamlMember(Alias = "clusters")]
    public List<NamedCluster> Clusters { get; set; } = [];

    [YamlMember(Alias = "users")]
    public List<NamedUser> Users { get; set; } = [];

    [YamlMember(Alias = "contexts")]
    public List<NamedContext> Contexts { get; set; } = [];
}
