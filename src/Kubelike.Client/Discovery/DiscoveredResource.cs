using Kubelike.Client.Rest;

namespace Kubelike.Client.Discovery;

/// <summary>A resource the server serves and the verbs it supports on it.</summary>
public sealed record DiscoveredResource(ApiResource Resource, IReadOnlySet<string> Verbs)
{
    public bool Supports(string verb) => Verbs.Contains(verb);
}
