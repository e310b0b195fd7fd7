using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>An entry of a kubeconfig's <c>users</c> list.</summary>
public sealed class NamedUser
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "user")]
    public KubeconfigUser User { get; set; } = new();
}
