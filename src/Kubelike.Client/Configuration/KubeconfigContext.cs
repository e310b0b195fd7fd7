using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>A cluster, a user and a default namespace, by name.</summary>
public sealed class KubeconfigContext
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
