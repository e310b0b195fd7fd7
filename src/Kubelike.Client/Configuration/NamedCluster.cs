using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>An entry of a kubeconfig's <c>clusters</c> list.</summary>
public sealed class NamedCluster
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "cluster")]
    public KubeconfigCluster Cluster { get; set; } = new();
}
