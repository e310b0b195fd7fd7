using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>An entry of a kubeconfig's <c>contexts</c> list.</summary>
public sealed class NamedContext
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "context")]
    public KubeconfigContext Context { get; set; } = new();
}
