namespace Kubelike.Client.Discovery;

/// <summary>What discovery found, and the group-versions whose documents could not be read (with why).</summary>
public sealed record DiscoveredResources(IReadOnlyList<DiscoveredResource> Resources, IReadOnlyDictionary<string, string> FailedGroupVersions);
